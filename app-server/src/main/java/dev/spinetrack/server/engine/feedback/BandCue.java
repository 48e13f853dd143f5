package dev.spinetrack.server.engine.feedback;

import dev.spinetrack.server.engine.band.BandPosition;

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

    /** The cue for a pressure at this position relative to the band. */
    public static BandCue of(BandPosition position) {
        return switch (position) {
            case BELOW -> HARDER;
            case IN -> IN_ZONE;
            case ABOVE -> LIGHTER;
        };
    }

    /** Words shown to people. */
    public String label() {
        return label;
    }
}
