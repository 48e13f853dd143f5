package dev.spinetrack.server.engine.tracking;

/**
 * Totals of a tracked stretch, over all regions.
 *
 * @param samples    samples seen
 * @param firstT     device time of the first, epoch ms (0 when none)
 * @param lastT      device time of the last, epoch ms (0 when none)
 * @param contactMs  time whose interval began in contact (with or without a region)
 * @param gapCount   intervals longer than the gap limit
 * @param gapMs      their total length
 * @param untaggedMs contact time without a focus region (a ball before any tag)
 */
public record TrackTotals(long samples, long firstT, long lastT, long contactMs, long gapCount, long gapMs,
                          long untaggedMs) {
}
