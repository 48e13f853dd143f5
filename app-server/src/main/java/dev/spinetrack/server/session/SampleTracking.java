package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.engine.session.SessionRules;
import dev.spinetrack.server.engine.session.SessionStart;
import dev.spinetrack.server.engine.tracking.FocusedSample;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.live.LiveFrame;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tracks a device's next samples in seq order inside the caller's transaction: each sample's
 * session per {@link SessionRules} (opened on contact, ended when idle or silent, resumed), its
 * tracking, its thinned live frame, and the samples the {@link TrackedSampleFeed} wants, handed
 * over only after the commit.
 */
final class SampleTracking {

    private final DeviceTracks tracks;
    private final LiveFeed live;
    private final TrackedSampleFeed feed;
    private final SessionRules rules;
    private final SessionLifecycle lifecycle;
    private final SessionBoundaries boundaries;

    SampleTracking(DeviceTracks tracks, LiveFeed live, TrackedSampleFeed feed, SessionRules rules,
                   SessionLifecycle lifecycle, SessionBoundaries boundaries) {
        this.tracks = tracks;
        this.live = live;
        this.feed = feed;
        this.rules = rules;
        this.lifecycle = lifecycle;
        this.boundaries = boundaries;
    }

    /**
     * Tracks samples above the device's processed seq, in order; {@link TrackProgress#save} stores the
     * result. Live frames are thinned as {@link LiveFeed} says, with one change: the last frame
     * due in these samples shows the newest of them. They reached the gateway over its batching
     * time, and the feedback on screen should be the freshest the server holds; earlier due
     * frames (a backlog arriving at once) stay at their own samples, so whoever follows the feed
     * (a guided session's rep counter) still sees one frame per interval.
     */
    void advance(Connection c, DeviceTrack t, List<Sample> next, List<TrackedSample> out) throws SQLException {
        Tracked due = null;
        Tracked newest = null;
        for (Sample s : next) {
            if (DeviceTracks.fits(t, s)) {
                newest = step(c, t, s, out);
                if (due == null ? live.due(t.id, s.t()) : LiveFeed.spaced(due.sample().t(), s.t())) {
                    if (due != null) {
                        live.offer(frame(t, due), true);
                    }
                    due = newest;
                }
            }
            t.processedSeq = Math.max(t.processedSeq, s.seq());
            if (s.battery() != null) {
                t.unsavedBattery = s.battery();
            }
        }
        if (due != null) {
            live.offer(frame(t, newest), true);
        }
    }

    /** A sample as tracked: its session (null when none) and its focus. */
    private record Tracked(Sample sample, SessionTrack open, FocusedSample focus) {
    }

    /** Tracks one sample. */
    private Tracked step(Connection c, DeviceTrack t, Sample s, List<TrackedSample> out) throws SQLException {
        SessionTrack open = boundaries.silenceDecided(c, t, s);
        FocusedSample f = null;
        if (open == null) {
            f = t.idleFocuser.focus(s);
            Optional<SessionStart> start = rules.openOn(f.contact(), t.owner, s.seq(), s.t());
            if (start.isPresent()) {
                open = lifecycle.open(c, t, start.get());
            }
        }
        if (open != null) {
            f = open.accept(s);
            if (rules.endsIdle(open.session().auto(), f.contact(), s.t(), open.quietSince())) {
                lifecycle.close(c, t, s.seq(), s.t(), "idle");
            }
        }
        if (out != null) {
            out.add(new TrackedSample(s.seq(), s.t(), open == null ? null : open.session().id(), f.contact(), f.region(),
                    f.pressure(), s.pitch(), s.roll()));
        }
        return new Tracked(s, open, f);
    }

    /** Where the samples a device tracks in this transaction go, or null when nobody wants them. */
    List<TrackedSample> collector(Map<String, List<TrackedSample>> tracked, String device) {
        return feed.wanted(device) ? tracked.computeIfAbsent(device, d -> new ArrayList<>()) : null;
    }

    /** Hands the committed samples to the feed, per device. */
    void deliver(Map<String, List<TrackedSample>> tracked) {
        long now = System.currentTimeMillis();
        tracked.forEach((device, list) -> feed.deliver(device, list, now));
    }

    private static LiveFrame frame(DeviceTrack t, Tracked tracked) {
        SessionTrack open = tracked.open();
        Sample s = tracked.sample();
        FocusedSample f = tracked.focus();
        PressureBand band = open != null ? open.bandAt(s.t()) : null;
        String position = band != null && f.contact() ? band.position(f.pressure()).name() : null;
        return new LiveFrame("sample", t.id, open == null ? null : open.session().id(), s.seq(), s.t(), f.contact(),
                f.region() == null ? null : f.region().name(), f.pressure(), t.info.unit().symbol(), position,
                band == null ? 0 : band.low(), band == null ? 0 : band.high(), s.p(), s.pitch(), s.roll(),
                s.battery());
    }
}
