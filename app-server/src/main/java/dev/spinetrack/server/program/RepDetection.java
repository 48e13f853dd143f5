package dev.spinetrack.server.program;

/**
 * Thresholds that make a tilt excursion count as a rep.
 *
 * @param minAmplitudeDeg smallest swing between turning points that counts, degrees
 * @param minPeriodMs     shortest time between two counted reps (faster is a wobble)
 * @param maxPeriodMs     longest time a swing may take (slower is a posture change)
 */
public record RepDetection(double minAmplitudeDeg, long minPeriodMs, long maxPeriodMs) {

    /** Defaults suited to cat-cow and the kneeling twist done at an easy tempo. */
    public static final RepDetection DEFAULT = new RepDetection(10, 1000, 20_000);

    public RepDetection {
        if (!(minAmplitudeDeg > 0 && minAmplitudeDeg <= 180)) {
            throw new IllegalArgumentException("minAmplitudeDeg must be in (0, 180], was " + minAmplitudeDeg);
        }
        if (minPeriodMs < 0) {
            throw new IllegalArgumentException("minPeriodMs must be >= 0, was " + minPeriodMs);
        }
        if (maxPeriodMs <= minPeriodMs) {
            throw new IllegalArgumentException("maxPeriodMs " + maxPeriodMs + " must be above minPeriodMs " + minPeriodMs);
        }
    }
}
