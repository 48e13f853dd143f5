package dev.spinetrack.server.program;

import dev.spinetrack.protocol.gatt.PressureUnit;

import java.util.Objects;

/**
 * The target range of focus pressure for a step, in a device unit.
 *
 * @param low  lowest pressure in the zone
 * @param high highest pressure in the zone, above {@code low}
 * @param unit N for racks, kPa for balls
 */
public record PressureBand(double low, double high, PressureUnit unit) {
    public PressureBand {
        Objects.requireNonNull(unit, "unit");
        if (!(low >= 0) || Double.isInfinite(low)) {
            throw new IllegalArgumentException("band low must be a finite value >= 0, was " + low);
        }
        if (!(high > low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("band high must be finite and above low " + low + ", was " + high);
        }
    }

    /** Whether a pressure lies inside the band, bounds included. */
    public boolean contains(double pressure) {
        return pressure >= low && pressure <= high;
    }
}
