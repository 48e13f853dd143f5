package dev.spinetrack.server.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the latency benchmarks print: the bands (every frame in one, the open last one too) and the bursts. */
class LiveFrameLogTest {

    @Test
    void everyLatencyFallsInOneBandTheLastOneOpen() {
        long ms = 1_000_000L;
        long[] sorted = {1 * ms, 7 * ms, 7 * ms, 60 * ms, 150 * ms, 3_900 * ms, 7_000 * ms, 86_400_000 * ms};
        assertEquals("0-5 ms 12.5 %, 5-10 ms 25.0 %, 10-15 ms 0.0 %, 15-20 ms 0.0 %, 20-25 ms 0.0 %, "
                + "25-30 ms 0.0 %, 30-50 ms 0.0 %, 50-100 ms 12.5 %, >100 ms 50.0 %", LiveFrameLog.histogram(sorted));
    }

    @Test
    void slowFramesAreCountedInTheWindowOfTheirNotification() {
        long ms = 1_000_000L;
        // 20 windows of 100 ms; three slow frames in window 3, one in window 12, the rest fast
        long[] notified = new long[40];
        long[] latency = new long[40];
        for (int i = 0; i < notified.length; i++) {
            notified[i] = 5_000 * ms + i * 50 * ms;
            latency[i] = 8 * ms;
        }
        latency[6] = 40 * ms;
        latency[7] = 26 * ms;
        latency[24] = 30 * ms;
        latency[25] = 25 * ms; // not over the bound
        notified[8] = notified[7] + 10 * ms;
        latency[8] = 90 * ms;
        assertEquals("frames over 25 ms: 4, in 2 of 20 windows of 100 ms; the worst tenth of the windows hold 100.0 % "
                + "of them, the worst window 3", LiveFrameLog.slowWindows(notified, latency, 25 * ms, 100 * ms));
    }
}
