package dev.spinetrack.server.guided.run;

/** A guided-session request that cannot be done as asked: which input and why (HTTP 400 or 409). */
public class GuideException extends RuntimeException {
    private final String field;
    private final boolean conflict;
    private final Long running;

    public GuideException(String field, String reason, boolean conflict) {
        this(field, reason, conflict, null);
    }

    /**
     * @param running id of the guided session in the way (a start while one runs), or null
     */
    public GuideException(String field, String reason, boolean conflict, Long running) {
        super(reason);
        this.field = field;
        this.conflict = conflict;
        this.running = running;
    }

    /** The request field at fault. */
    public String field() {
        return field;
    }

    /** Whether the request clashes with the session's state (409) rather than being malformed (400). */
    public boolean conflict() {
        return conflict;
    }

    /** The guided session already running on the device, when that is the conflict. */
    public Long running() {
        return running;
    }
}
