package dev.spinetrack.server.engine.feedback;

/** Whether to stay on a spot or move on. */
public enum DwellCue {
    /** The spot's dwell target is not met yet. */
    HOLD("hold"),
    /** The spot's dwell target is met. */
    MOVE_ON("move on");

    private final String label;

    DwellCue(String label) {
        this.label = label;
    }

    /** Words shown to people. */
    public String label() {
        return label;
    }
}
