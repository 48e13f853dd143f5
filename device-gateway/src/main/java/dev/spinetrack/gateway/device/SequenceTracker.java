package dev.spinetrack.gateway.device;

import dev.spinetrack.protocol.mqtt.SequenceUnwrapper;

/**
 * Follows one device's sequence across reconnects: extends the u32 seq to 64 bits and tells,
 * per frame, how many seqs were skipped or whether it is a repeat.
 */
final class SequenceTracker {

    /** Result for a repeated or older seq. */
    static final long REPEAT = -1;

    private SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private long last = -1;
    private volatile long boot = -1;
    private volatile long lastTime = -1;

    private volatile Integer battery;

    /** Last battery percent a frame carried, or null. */
    Integer battery() {
        return battery;
    }

    void battery(int percent) {
        battery = percent;
    }

    /** Device time (epoch ms) of the newest sample passed on, or -1. */
    long lastTime() {
        return lastTime;
    }

    void sampleTime(long t) {
        lastTime = Math.max(lastTime, t);
    }

    /** The boot counter of the current stream, or -1 before the first connection. */
    long boot() {
        return boot;
    }

    /**
     * Starts a connection of the device with the boot counter it reported. A different boot
     * means the device powered on again and its sequence restarted: the unwrapper and the last
     * seq start afresh, so the new stream is not mistaken for repeats of the old one.
     *
     * @return the previous boot when it differed (a reboot), else -1
     */
    synchronized long startBoot(long bootCount) {
        long previous = boot;
        boot = bootCount;
        if (previous >= 0 && previous != bootCount) {
            unwrapper = new SequenceUnwrapper();
            last = -1;
            return previous;
        }
        return -1;
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
