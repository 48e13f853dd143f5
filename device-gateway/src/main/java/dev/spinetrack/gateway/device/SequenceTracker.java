package dev.spinetrack.gateway.device;

import dev.spinetrack.protocol.mqtt.SequenceUnwrapper;

/**
 * Follows one device's sequence across reconnects: extends the u32 seq to 64 bits and tells,
 * per frame, how many seqs were skipped or whether it is a repeat.
 */
final class SequenceTracker {

    /** Result for a repeated or older seq. */
    static final long REPEAT = -1;

    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private long last = -1;
    private volatile long lastTime = -1;

    /** Device time (epoch ms) of the newest sample passed on, or -1. */
    long lastTime() {
        return lastTime;
    }

    void sampleTime(long t) {
        lastTime = Math.max(lastTime, t);
    }

    /** The unwrapped seq of a frame. */
    long unwrap(long u32) {
        return unwrapper.unwrap(u32);
    }

    /** Missing seqs before {@code seq} (0 when it follows directly), or {@link #REPEAT}. */
    long advance(long seq) {
        if (seq <= last) {
            return REPEAT;
        }
        long missing = last < 0 ? 0 : seq - last - 1;
        last = seq;
        return missing;
    }
}
