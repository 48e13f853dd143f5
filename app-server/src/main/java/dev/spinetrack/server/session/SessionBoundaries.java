package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.live.LiveEvent;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.storage.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Where automatic sessions begin and end when data arrives late or after a silence, decided by the
 * data and not by its arrival (PROTOCOL.md §7.6 item 5): a device-time gap past the idle timeout
 * ends a session, data within the idle timeout resumes a session the wall-clock sweep closed, and a
 * late first contact moves a session's start back. Used by {@link SampleProcessor} inside its
 * transaction, under the device's lock.
 */
final class SessionBoundaries {

    private static final Logger LOG = LoggerFactory.getLogger(SessionBoundaries.class);

    private final SessionStore sessions;
    private final DeviceTracks tracks;
    private final LiveFeed live;
    private final TrackingSettings settings;

    SessionBoundaries(SessionStore sessions, DeviceTracks tracks, LiveFeed live, TrackingSettings settings) {
        this.sessions = sessions;
        this.tracks = tracks;
        this.live = live;
        this.settings = settings;
    }

    /**
     * Decides a silence by the data, the same whatever the arrival: a gap of more than the idle
     * timeout in device time ends an automatic session at its last sample ("silent"), as the
     * wall-clock sweep does in real time; a sample within the idle timeout of a session the sweep
     * closed shows the device was only delayed (a gateway or broker outage), so that session is
     * opened again and replayed from storage. Returns the open session for {@code s}.
     */
    SessionTrack silenceDecided(Connection c, DeviceTrack t, Sample s) throws SQLException {
        long idle = settings.idleTimeoutMs();
        SessionTrack open = t.open;
        if (open != null && open.session().auto()) {
            long lastT = open.tracker().totals().lastT();
            if (open.tracker().totals().samples() > 0 && s.t() - lastT > idle) {
                SessionLifecycle.close(c, sessions, tracks, live, t, t.processedSeq, lastT, "silent");
                t.silentlyClosed = null;
                return null;
            }
            return open;
        }
        SessionRow closed = t.silentlyClosed;
        if (open != null || closed == null) {
            return open;
        }
        t.silentlyClosed = null;
        if (closed.lastT() == null || s.t() - closed.lastT() > idle || s.seq() <= closed.toSeq()) {
            return null;
        }
        if (!tracks.stillStored(c, closed)) {
            return null; // its raw samples are past retention: the close stands
        }
        sessions.reopen(c, closed.id());
        t.open = tracks.replay(c, t, sessions.find(c, closed.id()).orElseThrow(), t.processedSeq);
        LOG.info("Session {} on device {} resumed: data went on {} ms after its last sample, within the idle "
                + "timeout, so the device was delayed, not silent", closed.id(), t.id, s.t() - closed.lastT());
        live.publish(new LiveEvent("session", t.id, closed.id(), new SessionEvent("resumed", true, null)));
        return t.open;
    }

    /**
     * Late samples that hold a contact outside any session, just before an automatic session
     * (within the idle timeout), are where that session starts in an undisturbed run: the
     * batch that carried its first contact only arrived after the later ones (a broker restart
     * or a republished batch). The session's start moves back to them; the caller then
     * re-derives it from storage.
     */
    void startEarlierOnLateContact(Connection c, DeviceTrack t, List<Sample> late) throws SQLException {
        Sample first = null;
        for (Sample s : late) {
            if (DeviceTracks.fits(t, s) && t.idleFocuser.focus(s).contact()) {
                first = s;
                break;
            }
        }
        if (first == null || !sessions.overlapping(c, t.id, first.seq(), first.seq()).isEmpty()) {
            return;
        }
        Optional<SessionRow> next = sessions.firstAfter(c, t.id, first.seq());
        if (next.isEmpty() || !next.get().auto() || next.get().startedAt() - first.t() > settings.idleTimeoutMs()) {
            return;
        }
        sessions.moveStart(c, next.get().id(), first.seq(), first.t());
        LOG.info("Session {} on device {} now starts at seq {} ({} ms earlier): a late batch held its first contact",
                next.get().id(), t.id, first.seq(), next.get().startedAt() - first.t());
    }
}
