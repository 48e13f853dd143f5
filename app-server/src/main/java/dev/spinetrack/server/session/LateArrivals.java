package dev.spinetrack.server.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs late batches (samples below what a device tracked) for people: after a broker restart a
 * gateway's re-published batches come back late by the thousand, so a device's 1st, 10th, 100th,
 * ... late batch gets a line with the totals so far, and the others only a debug line.
 */
final class LateArrivals {

    private static final Logger LOG = LoggerFactory.getLogger(LateArrivals.class);

    private final Map<String, long[]> totals = new ConcurrentHashMap<>();

    /** Notes a device's late batch; called under the device's lock. */
    void note(String device, long batch, int samples, long fromSeq, long toSeq) {
        long[] t = totals.computeIfAbsent(device, d -> new long[2]);
        long batches = ++t[0];
        t[1] += samples;
        if (isPowerOfTen(batches)) {
            LOG.info("Device {} batch {}: {} late samples (seq {}..{}), re-deriving the sessions they fall in; "
                    + "{} late batches ({} samples) from this device since start", device, batch, samples, fromSeq,
                    toSeq, batches, t[1]);
        } else {
            LOG.debug("Device {} batch {}: {} late samples (seq {}..{})", device, batch, samples, fromSeq, toSeq);
        }
    }

    static boolean isPowerOfTen(long n) {
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }
}
