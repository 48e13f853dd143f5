package dev.spinetrack.server.session;

import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.engine.session.SessionStart;
import dev.spinetrack.server.live.LiveEvent;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.storage.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Opening and closing sessions on a device track, shared by ingest and the API: stores the change,
 * updates the track and queues the {@code session} live event (the live feed holds it back until
 * the caller's transaction commits).
 */
final class SessionLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLifecycle.class);

    private final SessionStore sessions;
    private final DeviceTracks tracks;
    private final LiveFeed live;
    private final TrackingSettings settings;

    SessionLifecycle(SessionStore sessions, DeviceTracks tracks, LiveFeed live, TrackingSettings settings) {
        this.sessions = sessions;
        this.tracks = tracks;
        this.live = live;
        this.settings = settings;
    }

    /** Opens a session on the device with its kind's default band; returns its track (null before the device's info). */
    SessionTrack open(Connection c, DeviceTrack t, SessionStart start) throws SQLException {
        PressureBand band = t.profile == null ? null : settings.defaultBand(t.profile); // no profile: no unit, no band
        SessionRow row = sessions.create(c, t.id, start.user(), start.auto(), start.fromSeq(), start.startedAt(),
                band == null ? 0 : band.low(), band == null ? Double.MAX_VALUE : band.high());
        LOG.info("Session {} started on device {} for user {} ({}, from seq {})", row.id(), t.id, start.user(),
                start.auto() ? "contact" : "API", start.fromSeq());
        t.open = t.profile == null ? null : new SessionTrack(row, t.profile, List.of(), settings.gapLimitMs());
        live.publish(new LiveEvent("session", t.id, row.id(), new SessionEvent("started", start.auto(), null)));
        return t.open;
    }

    /** Closes the device's open session (its figures stored first); nothing when none is tracked. */
    void close(Connection c, DeviceTrack t, long toSeq, long endedAt, String reason) throws SQLException {
        SessionTrack open = t.open;
        if (open == null) {
            return;
        }
        tracks.progress().persist(c, open);
        sessions.close(c, open.session().id(), toSeq, endedAt, reason);
        LOG.info("Session {} on device {} ended ({}), {} samples, contact {} ms", open.session().id(), t.id, reason,
                open.tracker().totals().samples(), open.tracker().totals().contactMs());
        live.publish(new LiveEvent("session", t.id, open.session().id(),
                new SessionEvent("ended", open.session().auto(), reason)));
        t.open = null;
    }
}
