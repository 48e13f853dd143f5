package dev.spinetrack.server.session;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every few seconds, ends automatic sessions of devices that went silent. */
@Singleton
public class SilentSessionSweep {

    private static final Logger LOG = LoggerFactory.getLogger(SilentSessionSweep.class);

    private final SessionService sessions;
    private final IngestDisturbance disturbance;
    private final TrackingSettings settings;

    public SilentSessionSweep(SessionService sessions, IngestDisturbance disturbance, TrackingSettings settings) {
        this.sessions = sessions;
        this.disturbance = disturbance;
        this.settings = settings;
    }

    @Scheduled(initialDelay = "10s", fixedDelay = "5s")
    void sweep() {
        long now = System.currentTimeMillis();
        if (!disturbance.undisturbedFor(settings.idleTimeoutMs(), now)) {
            return; // after a start, an outage or a broker disconnect, devices may not be silent, only delayed
        }
        try {
            sessions.closeSilent(now);
        } catch (RuntimeException e) {
            LOG.warn("Silent-session sweep failed, next sweep retries: {}", e.toString());
        }
    }
}
