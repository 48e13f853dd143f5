package dev.spinetrack.server.session;

import dev.spinetrack.server.live.LiveEvent;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.storage.SessionStore;
import dev.spinetrack.server.engine.band.PressureBand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Opening and closing sessions on a device track, shared by ingest and the API. */
final class SessionLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLifecycle.class);

    private SessionLifecycle() {
    }

    static SessionTrack open(Connection c, SessionStore sessions, DeviceTracks tracks, LiveFeed live,
                             TrackingSettings settings, DeviceTrack t, String user, boolean auto, long fromSeq,
                             long startedAt) throws SQLException {
        PressureBand band = t.profile == null ? null : settings.defaultBand(t.profile); // no profile: no unit, no band
        SessionRow row = sessions.create(c, t.id, user, auto, fromSeq, startedAt, band == null ? 0 : band.low(),
                band == null ? Double.MAX_VALUE : band.high());
        LOG.info("Session {} started on device {} for user {} ({}, from seq {})", row.id(), t.id, user,
                auto ? "contact" : "API", fromSeq);
        t.open = t.profile == null ? null : new SessionTrack(row, t.profile, List.of(), settings.gapLimitMs());
        live.publish(new LiveEvent("session", t.id, row.id(), new SessionEvent("started", auto, null)));
        return t.open;
    }

    static void close(Connection c, SessionStore sessions, DeviceTracks tracks, LiveFeed live, DeviceTrack t,
                      long toSeq, long endedAt, String reason) throws SQLException {
        SessionTrack open = t.open;
        if (open == null) {
            return;
        }
        tracks.persist(c, open);
        sessions.close(c, open.session().id(), toSeq, endedAt, reason);
        LOG.info("Session {} on device {} ended ({}), {} samples, contact {} ms", open.session().id(), t.id, reason,
                open.tracker().totals().samples(), open.tracker().totals().contactMs());
        live.publish(new LiveEvent("session", t.id, open.session().id(),
                new SessionEvent("ended", open.session().auto(), reason)));
        t.open = null;
    }
}
