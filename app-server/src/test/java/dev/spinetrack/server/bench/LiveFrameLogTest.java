package dev.spinetrack.server.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The latency bands the latency benchmarks print: every frame falls in one band, the open last one too. */
class LiveFrameLogTest {

    @Test
    void everyLatencyFallsInOneBandTheLastOneOpen() {
        long ms = 1_000_000L;
        long[] sorted = {1 * ms, 7 * ms, 7 * ms, 60 * ms, 150 * ms, 3_900 * ms, 7_000 * ms, 86_400_000 * ms};
        assertEquals("0-5 ms 12.5 %, 5-10 ms 25.0 %, 10-15 ms 0.0 %, 15-20 ms 0.0 %, 20-25 ms 0.0 %, "
                + "25-30 ms 0.0 %, 30-50 ms 0.0 %, 50-100 ms 12.5 %, >100 ms 50.0 %", LiveFrameLog.histogram(sorted));
    }
}
