package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.region.Region;

/**
 * A region tag or a target band set during a session, in force from {@code atMs} (device time).
 *
 * @param atMs     device time, epoch ms
 * @param kind     TAG or BAND
 * @param region   the tagged region (TAG)
 * @param bandLow  band lower bound (BAND)
 * @param bandHigh band upper bound (BAND)
 */
public record SessionMark(long atMs, Kind kind, Region region, double bandLow, double bandHigh) {

    /** What a mark sets. */
    public enum Kind { TAG, BAND }

    public static SessionMark tag(long atMs, Region region) {
        return new SessionMark(atMs, Kind.TAG, region, 0, 0);
    }

    public static SessionMark band(long atMs, double low, double high) {
        return new SessionMark(atMs, Kind.BAND, null, low, high);
    }
}
