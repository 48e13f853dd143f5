package dev.spinetrack.gateway.ble.tinyb;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the TinyB objects of closed links reachable for a while before their finalizers may
 * delete the native peers. TinyB calls a characteristic's value callback on GLib's thread with
 * the native peer as its only reference, and deleting the peer on another thread (TinyB's
 * finalizer) does not wait for a callback in progress. On a loaded machine GLib's thread runs
 * seconds behind (that is when the watchdog closes links), so it may still be delivering a
 * closed link's queued notifications when the peer goes. BlueZ removes a closed link's GATT
 * objects, after which nothing calls them; five minutes is far beyond GLib's backlog and bounds
 * what is kept.
 *
 * <p>This closes one of two ways to a use after free in TinyB's
 * {@code on_properties_changed_characteristic}; the other is inside TinyB and stays: every
 * characteristic lookup creates and deletes a temporary native peer, signal handler included,
 * for every characteristic on the bus, on the caller's thread, while GLib's thread may be
 * running that handler for another device's notification. The gateway died of a SIGSEGV there
 * on main (50 devices) and with this class (200 devices, before any link closed); see
 * docs/benchmarks.md, fourth round.
 */
final class RetiredObjects {

    private static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final Deque<Retired> RETIRED = new ArrayDeque<>();

    private RetiredObjects() {
    }

    /** Keeps these objects reachable for the next five minutes. */
    static void keep(Object objects) {
        long now = System.nanoTime();
        synchronized (RETIRED) {
            while (!RETIRED.isEmpty() && now - RETIRED.peekFirst().since() > KEEP_NANOS) {
                RETIRED.removeFirst();
            }
            RETIRED.addLast(new Retired(now, objects));
        }
    }

    /** Groups kept now. */
    static int size() {
        synchronized (RETIRED) {
            return RETIRED.size();
        }
    }

    private record Retired(long since, Object objects) {
    }
}
