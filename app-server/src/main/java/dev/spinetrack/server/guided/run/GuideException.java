package dev.spinetrack.server.guided.run;

/** A guided-session request that cannot be done as asked: which input and why (HTTP 400 or 409). */
public class GuideException extends RuntimeException {
    private final String field;
    private final boolean conflict;

    public GuideException(String field, String reason, boolean conflict) {
        super(reason);
        this.field = field;
        this.conflict = conflict;
    }

    /** The request field at fault. */
    public String field() {
        return field;
    }

    /** Whether the request clashes with the session's state (409) rather than being malformed (400). */
    public boolean conflict() {
        return conflict;
    }
}
