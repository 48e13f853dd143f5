package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.engine.session.Boundary;
import dev.spinetrack.server.engine.session.NextSession;
import dev.spinetrack.server.engine.session.OpenSession;
import dev.spinetrack.server.engine.session.SessionRules;
import dev.spinetrack.server.engine.session.SilentSession;
import dev.spinetrack.server.engine.session.StartMove;
import dev.spinetrack.server.engine.tracking.TrackTotals;
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
 * Applies {@link SessionRules}' boundaries that follow the data rather than its arrival (a silence
 * in device time, a resumed silent session, a late first contact) to a device's track and to
 * storage. Used by ingest inside its transaction, under the device's lock.
 */
final class SessionBoundaries {

    private static final Logger LOG = LoggerFactory.getLogger(SessionBoundaries.class);

    private final SessionStore sessions;
    private final DeviceTracks tracks;
    private final LiveFeed live;
    private final SessionRules rules;
    private final SessionLifecycle lifecycle;

    SessionBoundaries(SessionStore sessions, DeviceTracks tracks, LiveFeed live, SessionRules rules,
                      SessionLifecycle lifecycle) {
        this.sessions = sessions;
        this.tracks = tracks;
        this.live = live;
        this.rules = rules;
        this.lifecycle = lifecycle;
    }

    /** Settles what {@code s} does before it is tracked ({@link SessionRules#beforeSample}); returns its open session. */
    SessionTrack silenceDecided(Connection c, DeviceTrack t, Sample s) throws SQLException {
        SessionRow closed = t.silentlyClosed;
        Boundary b = rules.beforeSample(openOf(t.open), closed == null ? null : silentOf(closed), s.seq(), s.t());
        if (b instanceof Boundary.Continue) {
            return t.open;
        }
        t.silentlyClosed = null; // settled by this sample, whatever the verdict
        if (b instanceof Boundary.EndSilently end) {
            lifecycle.close(c, t, t.processedSeq, end.endedAt(), "silent");
            return null;
        }
        if (!(b instanceof Boundary.Resume resume)) {
            return null;
        }
        if (!tracks.stillStored(c, closed)) {
            return null; // its raw samples are past retention: the close stands
        }
        sessions.reopen(c, closed.id());
        t.open = tracks.replay(c, t, sessions.find(c, closed.id()).orElseThrow(), t.processedSeq);
        LOG.info("Session {} on device {} resumed: data went on {} ms after its last sample, within the idle "
                + "timeout, so the device was delayed, not silent", closed.id(), t.id, resume.gapMs());
        live.publish(new LiveEvent("session", t.id, closed.id(), new SessionEvent("resumed", true, null)));
        return t.open;
    }

    private static OpenSession openOf(SessionTrack open) {
        if (open == null) {
            return null;
        }
        TrackTotals totals = open.tracker().totals();
        return new OpenSession(open.session().id(), open.session().auto(), totals.samples(), totals.lastT());
    }

    private static SilentSession silentOf(SessionRow closed) {
        // a session closed for silence always has its last seq; none would mean nothing can resume it
        long toSeq = closed.toSeq() == null ? Long.MAX_VALUE : closed.toSeq();
        return new SilentSession(closed.id(), closed.lastT(), toSeq);
    }

    /**
     * Moves an automatic session's start back to a late first contact ({@link SessionRules#earlierStart});
     * the caller then re-derives the sessions the late samples fall in from storage.
     */
    void startEarlierOnLateContact(Connection c, DeviceTrack t, List<Sample> late) throws SQLException {
        Sample first = null;
        for (Sample s : late) {
            if (DeviceTracks.fits(t, s) && t.idleFocuser.focus(s).contact()) {
                first = s;
                break;
            }
        }
        if (first == null) {
            return;
        }
        boolean inSession = !sessions.overlapping(c, t.id, first.seq(), first.seq()).isEmpty();
        NextSession next = inSession ? null : sessions.firstAfter(c, t.id, first.seq())
                .map(r -> new NextSession(r.id(), r.auto(), r.startedAt())).orElse(null);
        Optional<StartMove> move = rules.earlierStart(first.seq(), first.t(), inSession, next);
        if (move.isPresent()) {
            StartMove m = move.get();
            sessions.moveStart(c, m.sessionId(), m.fromSeq(), m.startedAt());
            LOG.info("Session {} on device {} now starts at seq {} ({} ms earlier): a late batch held its first "
                    + "contact", m.sessionId(), t.id, m.fromSeq(), m.earlierByMs());
        }
    }
}
