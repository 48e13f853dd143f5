package dev.spinetrack.server.engine.tracking;

/**
 * The pressure range a user should stay in, in the device unit.
 *
 * @param low  lower bound, inclusive
 * @param high upper bound, inclusive
 */
public record TargetBand(double low, double high) {
    public TargetBand {
        if (!(low >= 0) || !(high >= low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("target band needs 0 <= low <= high (finite), was [" + low + ", " + high + "]");
        }
    }

    /** Where a pressure lies relative to the band. */
    public BandPosition position(double pressure) {
        if (pressure < low) {
            return BandPosition.BELOW;
        }
        return pressure > high ? BandPosition.ABOVE : BandPosition.IN;
    }

    /** Position of a pressure relative to a target band. */
    public enum BandPosition { BELOW, IN, ABOVE }
}
