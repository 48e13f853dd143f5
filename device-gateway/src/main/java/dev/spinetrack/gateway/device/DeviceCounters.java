package dev.spinetrack.gateway.device;

import java.util.concurrent.atomic.AtomicLong;

/** Per-device counters; the gateway sums them. */
public final class DeviceCounters {
    final AtomicLong samples = new AtomicLong();
    final AtomicLong gaps = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong invalid = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();

    /** Samples decoded and passed on. */
    public long samples() {
        return samples.get();
    }

    /** Sequence numbers that never arrived. */
    public long gaps() {
        return gaps.get();
    }

    /** Samples dropped because their seq was already passed on. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Decode errors (bad fragments, bad frames). */
    public long invalidFrames() {
        return invalid.get();
    }

    /** Reconnect attempts after a lost link or a failed connect. */
    public long reconnects() {
        return reconnects.get();
    }
}
