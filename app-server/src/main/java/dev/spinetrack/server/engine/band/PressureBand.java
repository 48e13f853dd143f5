package dev.spinetrack.server.engine.band;

import dev.spinetrack.protocol.gatt.PressureUnit;

import java.util.Objects;

/**
 * The target pressure range: the one shape of "the band" for tracking (band time per region),
 * guided programs (a step's band) and live feedback (the lighter / in zone / harder cue), with
 * the one classification of a pressure against it ({@link #position}).
 * <p>A band may be a single value ({@code low == high}: only that pressure is in it), which a
 * session's band set through the API allows. Rules stricter than that belong to who asks for
 * them: a program file's band must be wider than a point (the program parser says so, naming the
 * file and step), and a hysteresis cue needs a band wider than twice its margin.
 *
 * @param low  lower bound, inclusive, {@code >= 0}
 * @param high upper bound, inclusive, {@code >= low}, finite
 * @param unit the device's unit: N for a rack, kPa for a ball (PROTOCOL.md §2)
 */
public record PressureBand(double low, double high, PressureUnit unit) {
    public PressureBand {
        requireRange(low, high);
        Objects.requireNonNull(unit, "unit");
    }

    /**
     * Checks bounds given without a unit (the API's band, whose unit is the device's).
     *
     * @throws IllegalArgumentException unless {@code 0 <= low <= high}, both finite
     */
    public static void requireRange(double low, double high) {
        if (!(low >= 0) || !(high >= low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("a pressure band needs 0 <= low <= high (finite), was [" + low + ", "
                    + high + "]");
        }
    }

    /** Where a pressure lies relative to the band, bounds included in it. */
    public BandPosition position(double pressure) {
        return position(pressure, 0);
    }

    /**
     * Where a pressure lies relative to the band with both bounds moved out by {@code slack}
     * (in, for a negative slack): the classification a cue with hysteresis asks for.
     */
    public BandPosition position(double pressure, double slack) {
        if (pressure < low - slack) {
            return BandPosition.BELOW;
        }
        return pressure > high + slack ? BandPosition.ABOVE : BandPosition.IN;
    }

    /** {@code high - low}. */
    public double width() {
        return high - low;
    }
}
