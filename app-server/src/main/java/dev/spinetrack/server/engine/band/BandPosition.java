package dev.spinetrack.server.engine.band;

/** Where a pressure lies relative to a {@link PressureBand}. */
public enum BandPosition {
    /** Under the low bound: the user should press harder. */
    BELOW,
    /** Between the bounds, both included. */
    IN,
    /** Over the high bound: the user should press lighter. */
    ABOVE
}
