package dev.spinetrack.server.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which of a device's late batches get a line of their own: the 1st, 10th, 100th, ... */
class LateArrivalsTest {

    @Test
    void theFirstAndEveryPowerOfTenOnly() {
        List<Long> logged = new ArrayList<>();
        for (long n = 1; n <= 1_000_000; n++) {
            if (LateArrivals.isPowerOfTen(n)) {
                logged.add(n);
            }
        }
        assertEquals(List.of(1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L), logged);
    }
}
