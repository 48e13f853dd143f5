package dev.spinetrack.protocol.region;

/** Muscles the three-step method works on. */
public enum Muscle {
    MIDDLE_TRAPEZIUS("middle trapezius"),
    LOWER_TRAPEZIUS("lower trapezius"),
    RHOMBOIDS("rhomboids"),
    ERECTOR_SPINAE("erector spinae");

    private final String label;

    Muscle(String label) {
        this.label = label;
    }

    /** Lower-case name for people. */
    public String label() {
        return label;
    }
}
