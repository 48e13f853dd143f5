package dev.spinetrack.protocol.mqtt;

/**
 * A sample's identity (boot, seq) within its device folded into one ordered number, its
 * position {@code boot × 2^40 + seq} (PROTOCOL.md §3.3): samples of a new boot follow those of
 * the old one and never collide with them; a device without a boot record has boot 0 and
 * position = seq. The one place that knows the layout.
 */
public final class SamplePosition {

    /** Bits of the seq inside a position. */
    public static final int SEQ_BITS = 40;

    private SamplePosition() {
    }

    /** The position of (boot, seq). */
    public static long of(long boot, long seq) {
        return (boot << SEQ_BITS) | seq;
    }

    /** The boot of a position. */
    public static long boot(long position) {
        return position >>> SEQ_BITS;
    }

    /** The seq of a position. */
    public static long seq(long position) {
        return position & SampleBatch.MAX_SEQ;
    }
}
