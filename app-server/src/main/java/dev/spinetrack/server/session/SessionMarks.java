package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.engine.session.MarkInstant;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.SampleStore;
import dev.spinetrack.server.storage.SessionMark;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.storage.SessionStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Adds region tags and target bands to a session, under the device's lock and in one transaction:
 * a mark after everything tracked applies to the open session's track directly, a mark at or
 * before a tracked sample re-derives the session from storage. For {@link SessionService}.
 */
final class SessionMarks {

    private final Database db;
    private final SampleStore samples;
    private final SessionStore sessions;
    private final DeviceTracks tracks;

    SessionMarks(Database db, SampleStore samples, SessionStore sessions, DeviceTracks tracks) {
        this.db = db;
        this.samples = samples;
        this.sessions = sessions;
        this.tracks = tracks;
    }

    /** Adds the mark {@code markAt} makes for the device's "now" ({@link MarkInstant}). */
    void add(long sessionId, LongFunction<SessionMark> markAt) {
        SessionRow s = db.read(c -> sessions.find(c, sessionId)).orElseThrow(() -> new NotFoundException("session",
                sessionId));
        ContendedChange.run(tracks, s.deviceId(), "marking session " + sessionId, () -> db.write(c -> {
            DeviceTrack t = tracks.lockedForChange(c, s.deviceId()).orElseThrow();
            SessionRow current = sessions.find(c, sessionId).orElseThrow();
            boolean live = current.open() && t.open != null && t.open.session().id() == sessionId;
            SessionMark mark = markAt.apply(deviceNow(c, live ? t.open : null, current));
            sessions.addMark(c, sessionId, mark);
            if (live && !t.open.markIsLate(mark.atMs())) {
                t.open.mark(mark);
            } else {
                tracks.recompute(c, t, current);
            }
            return null;
        }));
    }

    /** The device's "now" for the session; storage is asked only when neither the track nor the session knows. */
    private long deviceNow(Connection c, SessionTrack open, SessionRow s) throws SQLException {
        Long tracked = open != null && open.tracker().last() != null ? open.tracker().last().t() : null;
        Long deviceT = tracked == null && s.lastT() == null ? latestStoredT(c, s.deviceId()) : null;
        return MarkInstant.next(tracked, s.lastT(), deviceT);
    }

    private Long latestStoredT(Connection c, String device) throws SQLException {
        long high = samples.highestSeq(c, device);
        List<Sample> last = high < 0 ? List.of() : samples.load(c, device, high, high);
        return last.isEmpty() ? null : last.get(0).t();
    }
}
