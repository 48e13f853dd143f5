package dev.spinetrack.simulator.truth;

/**
 * One exercise set as scripted.
 *
 * @param exercise e.g. {@code cat-cow}, {@code kneeling-twist}
 * @param reps     true number of reps
 * @param fromMs   start, device epoch ms
 * @param toMs     end, device epoch ms
 */
public record SetTruth(String exercise, int reps, long fromMs, long toMs) {
}
