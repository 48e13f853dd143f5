package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.engine.session.AutoSessions;
import dev.spinetrack.server.engine.session.DerivedSession;
import dev.spinetrack.server.engine.session.SessionPoint;
import dev.spinetrack.server.engine.session.SessionRules;
import dev.spinetrack.server.live.LiveEvent;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.storage.SampleStore;
import dev.spinetrack.server.storage.SessionRedraws;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.storage.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What late samples do to a device's automatic sessions: they are derived again from the stored
 * samples around them ({@link AutoSessions}), so a hole that arrival took for a silence joins the
 * sessions on both sides, a contact nobody saw opens its session, and a quiet stretch that
 * arrived late ends one (PROTOCOL.md §7.6 item 5). Used by ingest inside its transaction, under
 * the device's lock.
 * <p>
 * Where the data gives the same boundaries arrival gave, nothing is redrawn and the caller
 * re-derives the figures of the sessions the late samples fall in. Sessions opened over the API
 * (and guided sessions, which are such) are never redrawn: they end when a user says so.
 */
final class LateSampleSessions {

    private static final Logger LOG = LoggerFactory.getLogger(LateSampleSessions.class);

    private final SessionStore sessions;
    private final SessionRedraws redraws;
    private final SampleStore samples;
    private final DeviceTracks tracks;
    private final LiveFeed live;
    private final TrackingSettings settings;
    private final SessionRules rules;

    LateSampleSessions(SessionStore sessions, SessionRedraws redraws, SampleStore samples, DeviceTracks tracks,
                       LiveFeed live, TrackingSettings settings) {
        this.sessions = sessions;
        this.redraws = redraws;
        this.samples = samples;
        this.tracks = tracks;
        this.live = live;
        this.settings = settings;
        this.rules = settings.rules();
    }

    /**
     * Redraws the device's automatic sessions from the last one that late samples (seq
     * {@code lateFrom}..{@code lateTo}, all below what it tracked) may change onwards, and
     * re-derives the figures of every session redrawn or holding late samples.
     *
     * @return whether it redrew them; false leaves the late samples to the caller (boundaries
     *         unchanged, sessions opened over the API in reach, a silent close awaiting its verdict)
     */
    boolean redraw(Connection c, DeviceTrack t, long lateFrom, long lateTo) throws SQLException {
        if (!rules.autoSessions() || t.profile == null || t.silentlyClosed != null) {
            return false;
        }
        long from = lateFrom;
        Optional<SessionRow> anchor = redraws.lastStartingAtOrBefore(c, t.id, lateFrom);
        if (anchor.isPresent()) {
            SessionRow a = anchor.get();
            // a session that ended idle before the late samples ended by its own samples, one opened
            // over the API when a user stopped it: later samples change neither end
            boolean settled = a.toSeq() != null && a.toSeq() < lateFrom && (!a.auto() || "idle".equals(a.endReason()));
            if (!settled) {
                from = a.fromSeq();
            }
        }
        List<SessionRow> before = redraws.startingFrom(c, t.id, from);
        if (before.stream().anyMatch(s -> !s.auto())) {
            return false;
        }
        List<SessionPoint> points = new ArrayList<>();
        // loaded once: the derivation and every session replayed below read the same samples
        List<Sample> loaded = samples.load(c, t.id, from, t.processedSeq);
        for (Sample s : loaded) {
            boolean fits = DeviceTracks.fits(t, s);
            points.add(new SessionPoint(s.seq(), s.t(), fits, fits && t.idleFocuser.focus(s).contact()));
        }
        List<DerivedSession> derived = AutoSessions.derive(rules, points);
        if (derived.isEmpty()) {
            return false;
        }
        boolean redrawn = !sameBounds(before, derived);
        SessionTrack wasOpen = t.open;
        List<SessionRow> kept = redrawn ? keep(c, t, before, derived) : before;
        t.open = null;
        for (int i = 0; i < derived.size(); i++) {
            DerivedSession d = derived.get(i);
            SessionRow row = kept.get(i);
            if ((redrawn && !same(row, d)) || d.overlaps(lateFrom, lateTo)) {
                tracks.recompute(c, t, sessions.find(c, row.id()).orElseThrow(), loaded); // sets t.open when open
            } else if (d.open()) {
                t.open = wasOpen != null && wasOpen.session().id() == row.id() ? wasOpen
                        : tracks.replay(c, t, row, t.processedSeq, loaded);
            }
        }
        if (!redrawn) {
            return true;
        }
        long wasOpenId = wasOpen == null ? -1 : wasOpen.session().id();
        if (wasOpen != null && (t.open == null || t.open.session().id() != wasOpenId)) {
            SessionRow now = sessions.find(c, wasOpenId).orElse(null);
            live.publish(new LiveEvent("session", t.id, wasOpenId, new SessionEvent("ended", true,
                    now == null ? "merged" : now.endReason())));
        }
        if (t.open != null && t.open.session().id() != wasOpenId) {
            live.publish(new LiveEvent("session", t.id, t.open.session().id(), new SessionEvent("started", true, null)));
        }
        if (before.size() != derived.size()) {
            LOG.info("Device {}: late samples (seq {}..{}) redrew its automatic sessions from seq {}: {} before, {} "
                    + "now (the data, not its arrival, sets where they begin and end)", t.id, lateFrom, lateTo, from,
                    before.size(), derived.size());
        } else {
            // a hole filling batch by batch moves a bound each time: worth a line only when debugging
            LOG.debug("Device {}: late samples (seq {}..{}) moved the bounds of its automatic sessions from seq {}",
                    t.id, lateFrom, lateTo, from);
        }
        return true;
    }

    /**
     * Gives each derived session a stored row: the first stored session it overlaps that no earlier
     * one took keeps its id and takes its bounds; a derived session with none is a new row; a stored
     * session no derived one took is merged into the one holding its samples (or the one before it).
     */
    private List<SessionRow> keep(Connection c, DeviceTrack t, List<SessionRow> before, List<DerivedSession> derived)
            throws SQLException {
        List<SessionRow> free = new ArrayList<>(before);
        List<SessionRow> kept = new ArrayList<>();
        for (DerivedSession d : derived) {
            SessionRow match = free.stream().filter(s -> d.overlaps(s.fromSeq(), s.toSeq())).findFirst().orElse(null);
            if (match == null) {
                PressureBand band = settings.defaultBand(t.profile);
                match = sessions.create(c, t.id, t.owner, true, d.fromSeq(), d.startedAt(), band.low(), band.high());
            } else {
                free.remove(match);
            }
            if (!same(match, d)) {
                redraws.reshape(c, match.id(), d.fromSeq(), d.startedAt(), d.toSeq(), d.endedAt(), d.endReason());
            }
            kept.add(match);
        }
        for (SessionRow gone : free) {
            int into = 0;
            for (int i = 0; i < derived.size(); i++) {
                if (derived.get(i).overlaps(gone.fromSeq(), gone.toSeq())) {
                    into = i;
                    break;
                }
                if (derived.get(i).fromSeq() <= gone.fromSeq()) {
                    into = i;
                }
            }
            long target = kept.get(into).id();
            redraws.mergeInto(c, gone.id(), target);
            LOG.info("Session {} on device {} merged into session {}: late samples show they are one", gone.id(),
                    t.id, target);
        }
        return kept;
    }

    private static boolean sameBounds(List<SessionRow> before, List<DerivedSession> derived) {
        if (before.size() != derived.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            if (!same(before.get(i), derived.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(SessionRow s, DerivedSession d) {
        return s.fromSeq() == d.fromSeq() && s.startedAt() == d.startedAt() && Objects.equals(s.toSeq(),
                d.toSeq()) && Objects.equals(s.endedAt(), d.endedAt())
                && Objects.equals(s.endReason(), d.endReason());
    }
}
