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

    public SilentSessionSweep(SessionService sessions) {
        this.sessions = sessions;
    }

    @Scheduled(initialDelay = "10s", fixedDelay = "5s")
    void sweep() {
        try {
            sessions.closeSilent(System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.warn("Silent-session sweep failed, next sweep retries: {}", e.toString());
        }
    }
}
