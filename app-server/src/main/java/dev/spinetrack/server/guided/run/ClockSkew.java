package dev.spinetrack.server.guided.run;

/**
 * The offset between the server's clock and a device's, measured rather than assumed: for each
 * sample received live, server clock at receipt minus its device time. Transport only adds
 * delay, so the smallest difference over a window is the best estimate (an upper bound on the
 * true skew by the fastest delivery). The window restarts every {@link #WINDOW_MS} so a device
 * whose clock was set anew is followed within two windows. Pure; the caller serialises calls.
 */
final class ClockSkew {

    static final long WINDOW_MS = 10_000;

    private long windowStart = Long.MIN_VALUE;
    private long windowMin;
    private Long previousMin;

    /** A sample of device time {@code deviceT} arrived at server time {@code serverMs}. */
    void observe(long deviceT, long serverMs) {
        long d = serverMs - deviceT;
        if (windowStart == Long.MIN_VALUE || serverMs - windowStart >= WINDOW_MS || serverMs < windowStart) {
            previousMin = windowStart == Long.MIN_VALUE ? null : windowMin;
            windowStart = serverMs;
            windowMin = d;
        } else {
            windowMin = Math.min(windowMin, d);
        }
    }

    /** Server clock minus device clock, ms, or null before the first sample. */
    Long skewMs() {
        if (windowStart == Long.MIN_VALUE) {
            return null;
        }
        return previousMin == null ? windowMin : Math.min(previousMin, windowMin);
    }
}
