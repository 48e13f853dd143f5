package dev.spinetrack.server.engine.tracking;

import dev.spinetrack.protocol.region.Region;

/**
 * A sample reduced to what tracking needs.
 *
 * @param seq      device sequence number
 * @param t        device time, epoch ms
 * @param contact  whether any channel exceeds the contact threshold
 * @param region   focus region; {@code null} when there is none (no pressure, or an untagged ball)
 * @param pressure focus pressure in the device unit (0 without a focus)
 */
public record FocusedSample(long seq, long t, boolean contact, Region region, double pressure) {
    public FocusedSample {
        if (!(pressure >= 0) || Double.isInfinite(pressure)) {
            throw new IllegalArgumentException("focus pressure must be finite and >= 0, was " + pressure);
        }
    }

    /** Whether this sample starts dwell on its region (in contact with a focus). */
    public boolean dwelling() {
        return contact && region != null;
    }
}
