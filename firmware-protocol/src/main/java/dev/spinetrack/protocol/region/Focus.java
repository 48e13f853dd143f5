package dev.spinetrack.protocol.region;

import java.util.Objects;

/**
 * Where a sample presses and how hard: its focus region and focus pressure.
 *
 * @param region        focus region
 * @param pressure      focus pressure, in the device's unit
 * @param centroidLevel pressure centroid along the spine in level-code units (7 = C7 ... 24 = L5);
 *                      {@code NaN} for a ball, which has no position of its own
 */
public record Focus(Region region, double pressure, double centroidLevel) {
    public Focus {
        Objects.requireNonNull(region, "region");
        if (!(pressure >= 0)) {
            throw new IllegalArgumentException("focus pressure must be >= 0, was " + pressure);
        }
    }
}
