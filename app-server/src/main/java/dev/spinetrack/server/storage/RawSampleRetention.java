package dev.spinetrack.server.storage;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes raw samples older than {@code spinetrack.storage.raw-retention-days} (0 keeps them)
 * once no open session needs them. Rollups stay, so history is unaffected; a late batch for a
 * session whose raw samples are gone no longer re-derives it.
 */
@Singleton
public class RawSampleRetention {

    private static final Logger LOG = LoggerFactory.getLogger(RawSampleRetention.class);
    private static final long DAY_MS = 24L * 3600 * 1000;
    /** Blocks per transaction: a few milliseconds of work, so ingest commits in between. */
    static final int CHUNK_BLOCKS = 1000;
    private static final long PROGRESS_NANOS = 30_000_000_000L;

    private final Database db;
    private final int days;

    public RawSampleRetention(Database db,
                              @Value("${spinetrack.storage.raw-retention-days:30}") int days) {
        this.db = db;
        this.days = days;
    }

    @Scheduled(initialDelay = "5m", fixedDelay = "6h")
    void sweep() {
        if (days > 0) {
            purge(System.currentTimeMillis() - days * DAY_MS);
        }
    }

    /**
     * Deletes raw samples with device time before {@code beforeT}, per device and in transactions
     * of at most {@value #CHUNK_BLOCKS} blocks ({@link OldSampleBlocks}); returns how many.
     */
    public long purge(long beforeT) {
        long started = System.nanoTime();
        long[] lastLog = {started};
        long n = OldSampleBlocks.purge(db::write, beforeT, CHUNK_BLOCKS, (done, all, soFar) -> {
            long now = System.nanoTime();
            if (done < all && now - lastLog[0] > PROGRESS_NANOS) {
                lastLog[0] = now;
                LOG.info("Retention: {} raw samples deleted so far, {} of {} devices done", soFar, done, all);
            }
        });
        if (n > 0) {
            LOG.info("Retention: deleted {} raw samples older than {} days in {} ms", n, days,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return n;
    }
}
