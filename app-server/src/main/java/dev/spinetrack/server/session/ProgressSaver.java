package dev.spinetrack.server.session;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stores the tracking progress of devices that went quiet with it unsaved (see
 * {@link TrackProgress#due}), so the stored processed seq and session figures the API
 * reads catch up within about the progress interval of a device's last sample, and at shutdown.
 */
@Singleton
public class ProgressSaver {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressSaver.class);
    /** Past the interval, so a device still streaming stores its own progress with its samples. */
    private static final long GRACE_NANOS = 50_000_000;

    private final UnsavedProgress progress;
    private final TrackingSettings settings;
    private static final long RETRY_NANOS = 5_000_000_000L;
    /**
     * Its own thread rather than Micronaut's {@code @Scheduled}: a tick Micronaut's scheduler ran
     * while the context stopped failed to resolve the bean and logged a stack trace; this one is
     * stopped first thing at shutdown, before the last save.
     */
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress-saver");
        t.setDaemon(true);
        return t;
    });
    private boolean started;
    private boolean failing;
    private long retryAt;

    public ProgressSaver(UnsavedProgress progress, TrackingSettings settings) {
        this.progress = progress;
        this.settings = settings;
    }

    /**
     * Catches up, before the server serves, the devices a previous run left with samples stored
     * past their stored progress, so no reader sees their figures short.
     */
    @EventListener
    void onStartup(StartupEvent event) {
        saveQuiet();
        ticker.scheduleWithFixedDelay(this::saveQuiet, 1_000, 100, TimeUnit.MILLISECONDS);
    }

    synchronized void saveQuiet() {
        long now = System.nanoTime();
        if (failing && now < retryAt) {
            return;
        }
        try {
            if (!started) {
                int behind = progress.findBehind();
                started = true;
                if (behind > 0) {
                    LOG.info("{} device(s) have samples stored past their stored tracking progress: tracking them",
                            behind);
                }
            }
            progress.catchUp();
            if (settings.progressIntervalMs() > 0) {
                progress.saveQuiet(settings.progressIntervalMs() * 1_000_000 + GRACE_NANOS);
            }
            if (failing) {
                failing = false;
                LOG.info("Storing tracking progress works again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Storing tracking progress failed ({}); retrying every {} s, nothing is lost meanwhile "
                        + "(the samples are stored, the progress is replayed from them)", e.getMessage(),
                        RETRY_NANOS / 1_000_000_000);
            }
            failing = true;
            retryAt = now + RETRY_NANOS;
        }
    }

    @PreDestroy
    void saveAll() {
        ticker.shutdown();
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            int n = progress.saveQuiet(0);
            if (n > 0) {
                LOG.info("Stored the tracking progress of {} device(s) at shutdown", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("Storing tracking progress at shutdown failed; it is replayed from the stored samples at the "
                    + "next start: {}", e.getMessage());
        }
    }
}
