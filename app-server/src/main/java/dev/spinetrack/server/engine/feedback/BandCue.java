package dev.spinetrack.server.engine.feedback;

/** What the user should do about the pressure. */
public enum BandCue {
    /** Pressure above the band: press lighter. */
    LIGHTER("lighter"),
    /** Pressure inside the band. */
    IN_ZONE("in zone"),
    /** Pressure below the band: press harder. */
    HARDER("harder");

    private final String label;

    BandCue(String label) {
        this.label = label;
    }

    /** Words shown to people. */
    public String label() {
        return label;
    }
}
