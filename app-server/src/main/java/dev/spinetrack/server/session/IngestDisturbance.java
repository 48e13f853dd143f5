package dev.spinetrack.server.session;

import jakarta.inject.Singleton;

/**
 * When ingest last could not take data in (a storage outage, or no connection to the broker).
 * While it cannot, and for an idle timeout after, silence from a device proves nothing: its
 * samples may be waiting in the gateway's queue or the broker. The silent-session sweep waits
 * that long, so sessions end by the data, not by an outage (a late batch does not have to undo
 * a close that should not have happened).
 */
@Singleton
public class IngestDisturbance {

    private volatile long lastDisturbedMs = System.currentTimeMillis();
    private volatile boolean disturbed;

    /** Ingest cannot take data in from now on (or still cannot). */
    public void begin() {
        disturbed = true;
        lastDisturbedMs = System.currentTimeMillis();
    }

    /** Ingest takes data in again. */
    public void end() {
        if (disturbed) {
            disturbed = false;
            lastDisturbedMs = System.currentTimeMillis();
        }
    }

    /** Whether ingest has been taking data in for at least {@code ms} before {@code nowMs}. */
    public boolean undisturbedFor(long ms, long nowMs) {
        return !disturbed && nowMs - lastDisturbedMs >= ms;
    }
}
