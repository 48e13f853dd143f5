package dev.spinetrack.gateway.device;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many devices may connect at once (connect, service discovery and the handshake), first
 * come first served. Connecting is where a BLE stack is slowest and most easily overrun: BlueZ
 * resolves one device's services at a time per adapter, and TinyB pays D-Bus round trips for
 * every GATT object it creates, so 200 devices connecting together only make each other time
 * out. A device waiting here has not tried yet: its wait is neither a failed attempt (no
 * backoff grows) nor silence of a stream (no watchdog runs before it streams).
 */
final class ConnectSlots {

    private final int size;
    private final Semaphore permits;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * Slots for {@code size} devices at once.
     *
     * @throws IllegalArgumentException unless size is at least 1
     */
    ConnectSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("connect concurrency must be at least 1, was " + size);
        }
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    /**
     * Waits for a free slot (in the order devices asked) and takes it.
     *
     * @throws InterruptedException when the waiting thread is interrupted (the gateway stopping)
     */
    Slot acquire() throws InterruptedException {
        waiting.incrementAndGet();
        try {
            permits.acquire();
        } finally {
            waiting.decrementAndGet();
        }
        int now = held.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        return new Slot();
    }

    /** How many devices may connect at once. */
    int size() {
        return size;
    }

    /** Slots taken now. */
    int held() {
        return held.get();
    }

    /** The most slots ever taken at once. */
    int peak() {
        return peak.get();
    }

    /** Devices waiting for a slot now. */
    int waiting() {
        return waiting.get();
    }

    /** A taken slot; closing it (any number of times) frees it once. */
    final class Slot implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Slot() {
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                held.decrementAndGet();
                permits.release();
            }
        }
    }
}
