package dev.spinetrack.server.engine.tracking;

import dev.spinetrack.protocol.region.Region;

/**
 * What the interval from one sample of a device to its next counts as, by the DESIGN.md
 * definitions: the one statement of the dwell rule, used by the region tracker, the spot dwell
 * cue and a guided step's band time alike.
 */
public enum SampleInterval {
    /** Longer than the gap limit: a data gap, no dwell. */
    GAP,
    /** Zero (a repeated timestamp or a clock step back) or begun out of contact: holds no time. */
    NONE,
    /** Begun in contact but without a focus region (a ball before any tag): contact time, no dwell. */
    UNTAGGED,
    /** Begun in contact with a focus region: dwell on that region. */
    DWELL;

    /**
     * Classifies an interval by its earlier sample.
     *
     * @param ms         the interval, device time ({@code <= 0} holds nothing)
     * @param contact    whether the earlier sample was in contact
     * @param region     its focus region, or null
     * @param gapLimitMs intervals longer than this are gaps
     */
    public static SampleInterval of(long ms, boolean contact, Region region, long gapLimitMs) {
        if (ms > gapLimitMs) {
            return GAP;
        }
        if (ms <= 0 || !contact) {
            return NONE;
        }
        return region == null ? UNTAGGED : DWELL;
    }
}
