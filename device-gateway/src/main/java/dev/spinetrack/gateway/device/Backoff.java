package dev.spinetrack.gateway.device;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential reconnect backoff with jitter: attempt n waits a random time between half and
 * all of {@code min(max, initial * 2^n)}, so devices that dropped together do not all come back
 * in the same instant.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, was " + initial + ", " + max);
        }
    }

    /** Delay before attempt {@code attempt} (0 = first retry). */
    public Duration delay(int attempt, RandomGenerator random) {
        long ceiling = initial.toMillis() << Math.min(Math.max(attempt, 0), 20);
        long capped = Math.min(ceiling, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (capped - half + 1)));
    }
}
