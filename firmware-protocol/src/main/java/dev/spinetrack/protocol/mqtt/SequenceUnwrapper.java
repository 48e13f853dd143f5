package dev.spinetrack.protocol.mqtt;

/**
 * Extends a device's wrapping 32-bit counter (sequence or timestamp) to 64 bits
 * (PROTOCOL.md §3.2): a step back of more than half the range is a wrap, a smaller step back
 * is a late or repeated value and keeps the current epoch. One instance per device stream.
 */
public final class SequenceUnwrapper {

    private static final long RANGE = 1L << 32;
    private static final long HALF = 1L << 31;

    private long last = -1;

    /** The 64-bit value of a 32-bit reading. */
    public long unwrap(long u32) {
        if (u32 < 0 || u32 >= RANGE) {
            throw new IllegalArgumentException("not an unsigned 32-bit value: " + u32);
        }
        if (last < 0) {
            last = u32;
            return u32;
        }
        long epoch = last & ~(RANGE - 1);
        long candidate = epoch | u32;
        long low = last & (RANGE - 1);
        if (u32 < low && low - u32 > HALF) {
            candidate += RANGE;
        } else if (u32 > low && u32 - low > HALF && epoch > 0) {
            candidate -= RANGE;
        }
        if (candidate > last) {
            last = candidate;
        }
        return candidate;
    }

    /** Forgets history, e.g. when a device reports that it rebooted. */
    public void reset() {
        last = -1;
    }
}
