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

    private final Database db;
    private final SampleStore samples;
    private final int days;

    public RawSampleRetention(Database db, SampleStore samples,
                              @Value("${spinetrack.storage.raw-retention-days:30}") int days) {
        this.db = db;
        this.samples = samples;
        this.days = days;
    }

    @Scheduled(initialDelay = "5m", fixedDelay = "6h")
    void sweep() {
        if (days > 0) {
            purge(System.currentTimeMillis() - days * DAY_MS);
        }
    }

    /** Deletes raw samples with device time before {@code beforeT}; returns how many. */
    public long purge(long beforeT) {
        long n = db.write(c -> samples.deleteOlderThan(c, beforeT));
        if (n > 0) {
            LOG.info("Retention: deleted {} raw samples older than {} days", n, days);
        }
        return n;
    }
}
