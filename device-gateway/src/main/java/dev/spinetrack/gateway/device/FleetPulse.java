package dev.spinetrack.gateway.device;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a device's silence from the fleet's. A device silent while the others stream has
 * stopped sending, and its watchdog reconnects it. When every streaming device falls silent
 * together, the cause is on this side: the gateway's process starved of CPU, a garbage
 * collection, or the radio stalled. Reconnecting every device then only adds a storm of
 * connects to the stall (a gateway of 200 simulated devices sharing 2 cores with the server
 * reconnected 398 times in one run). Such a silence is given {@value #HOLD_FACTOR} times the
 * watchdog limit before the device is reconnected anyway (a radio that never recovers).
 */
final class FleetPulse {

    /** How many times the watchdog limit a device may stay silent while the whole fleet is. */
    static final int HOLD_FACTOR = 5;
    /** Fewer other devices than this tell nothing about the host. */
    static final int MIN_OTHERS = 2;

    /** What a streaming device reports about itself. */
    interface Stream {
        /** {@link System#nanoTime()} of its latest value. */
        long lastValueNanos();
    }

    private final Set<Stream> streaming = ConcurrentHashMap.newKeySet();

    void streaming(Stream s) {
        streaming.add(s);
    }

    void ended(Stream s) {
        streaming.remove(s);
    }

    /**
     * Why a device's stream counts as dead, or null while it does not.
     *
     * @param self    the device asking
     * @param limitMs its watchdog limit
     */
    String silence(Stream self, long limitMs, long nowNanos) {
        long silentMs = (nowNanos - self.lastValueNanos()) / 1_000_000;
        int others = 0;
        long newestOther = Long.MIN_VALUE;
        if (silentMs > limitMs) {
            for (Stream s : streaming) {
                if (s != self) {
                    others++;
                    newestOther = Math.max(newestOther, s.lastValueNanos());
                }
            }
        }
        return verdict(silentMs, limitMs, others, others == 0 ? Long.MAX_VALUE : (nowNanos - newestOther) / 1_000_000);
    }

    /**
     * The rule, on figures alone.
     *
     * @param silentMs      how long the device has been silent
     * @param limitMs       its watchdog limit
     * @param others        other devices streaming
     * @param othersSilentMs how long since any of them sent a value
     * @return why the stream counts as dead, or null
     */
    static String verdict(long silentMs, long limitMs, int others, long othersSilentMs) {
        if (silentMs <= limitMs) {
            return null;
        }
        boolean fleetSilent = others >= MIN_OTHERS && othersSilentMs > limitMs / 2;
        if (fleetSilent && silentMs <= HOLD_FACTOR * limitMs) {
            return null;
        }
        return "stream silent for " + silentMs + " ms (watchdog limit " + limitMs + " ms"
                + (fleetSilent ? ", the other " + others + " devices silent for " + othersSilentMs + " ms too" : "")
                + ")";
    }
}
