package dev.spinetrack.server.engine.tracking;

import dev.spinetrack.protocol.region.Region;

/**
 * Dwell and focus-pressure statistics of one region over a stretch of samples.
 *
 * @param region       the region
 * @param dwellMs      dwell (DESIGN.md)
 * @param samples      samples that started a dwell interval
 * @param meanPressure focus pressure averaged over dwell time
 * @param peakPressure highest focus pressure while dwelling
 * @param p95Pressure  95th percentile (nearest rank over dwell samples), within 0.5 %
 * @param inBandMs     dwell with focus pressure inside the target band
 * @param belowBandMs  dwell below the band
 * @param aboveBandMs  dwell above the band
 * @param gapCount     data gaps that began while dwelling here
 * @param gapMs        their total length
 */
public record RegionStats(Region region, long dwellMs, long samples, double meanPressure, double peakPressure,
                          double p95Pressure, long inBandMs, long belowBandMs, long aboveBandMs,
                          long gapCount, long gapMs) {
}
