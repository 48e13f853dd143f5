package dev.spinetrack.gateway.device;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    @Test
    void growsExponentiallyWithJitterUpToTheCap() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        SplittableRandom r = new SplittableRandom(7);
        long[] ceilings = {100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000};
        for (int attempt = 0; attempt < ceilings.length; attempt++) {
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < 200; i++) {
                long d = b.delay(attempt, r).toMillis();
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            long c = ceilings[attempt];
            assertTrue(min >= c / 2 && max <= c, "attempt " + attempt + ": " + min + ".." + max);
            assertTrue(max > min, "jitter spreads attempt " + attempt);
        }
    }

    @Test
    void hugeAttemptCountsDoNotOverflow() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        assertTrue(b.delay(10_000, new SplittableRandom(1)).toMillis() <= 5000);
    }

    @Test
    void rejectsAMaxBelowTheInitialDelay() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
