package dev.spinetrack.server.session;

import dev.spinetrack.server.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a request's change of one device (a session started or stopped, a mark, a transfer) under
 * the device's lock in this instance, and tries it again when its transaction lost to another
 * over a row lock ({@link StorageException#contention}): with several instances on one database,
 * another one storing the same device holds its row for a moment, and H2 gives up waiting after
 * 2 s. The request then waits a little longer instead of failing. On any failure the device's
 * track in memory is dropped, so the next try (or reader) starts from what storage holds.
 */
final class ContendedChange {

    private static final Logger LOG = LoggerFactory.getLogger(ContendedChange.class);
    /** Tries in all: with H2's 2 s lock timeout and the pauses, about 11 s before the request fails. */
    static final int TRIES = 5;

    private ContendedChange() {
    }

    /**
     * The change's result.
     *
     * @param what for the log, e.g. "starting a session"
     * @throws RuntimeException the change's own failure, or contention still met after {@link #TRIES} tries
     */
    static <R> R run(DeviceTracks tracks, String device, String what, Supplier<R> change) {
        for (int attempt = 1; ; attempt++) {
            synchronized (tracks.lock(device)) {
                try {
                    return change.get();
                } catch (RuntimeException e) {
                    tracks.evict(device);
                    if (!StorageException.contention(e) || attempt >= TRIES) {
                        throw e;
                    }
                    LOG.info("Device {}: {} met another transaction's lock (try {} of {}); trying again", device, what,
                            attempt, TRIES);
                }
            }
            pause(attempt); // outside the device's lock: this instance's ingest of it goes on meanwhile
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100L * attempt + 21));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a device change", e);
        }
    }
}
