package dev.spinetrack.simulator.truth;

/**
 * Dwell and focus-pressure statistics of one region.
 *
 * @param dwellMs      dwell, milliseconds
 * @param meanPressure mean focus pressure while dwelling (time-weighted by interval)
 * @param peakPressure peak focus pressure while dwelling
 * @param p95Pressure  95th percentile of focus pressure while dwelling (per sample, nearest rank)
 */
public record RegionTruth(long dwellMs, double meanPressure, double peakPressure, double p95Pressure) {
}
