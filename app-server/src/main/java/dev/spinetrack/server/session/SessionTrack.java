package dev.spinetrack.server.session;

import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.storage.SessionMark;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.engine.tracking.DeviceProfile;
import dev.spinetrack.server.engine.tracking.DwellTracker;
import dev.spinetrack.server.engine.tracking.FocusedSample;
import dev.spinetrack.server.engine.tracking.SampleFocuser;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.engine.tracking.Timeline;

import dev.spinetrack.server.engine.tracking.RegionStats;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The tracking state of one session: its region tags and bands over device time and the
 * dwell tracker fed with its samples in seq order. No I/O; built from stored marks and samples.
 */
public final class SessionTrack {

    private final SessionRow session;
    private final Timeline<Region> tags = new Timeline<>(null);
    private final PressureUnit unit;
    private final Timeline<PressureBand> bands;
    private final SampleFocuser focuser;
    private final DwellTracker tracker;
    private long lastContactT = Long.MIN_VALUE;
    /** The region rollups as this track last stored them, by region; null before its first save. */
    private Map<Region, RegionStats> storedRegions;

    public SessionTrack(SessionRow session, DeviceProfile profile, List<SessionMark> marks, long gapLimitMs) {
        this.session = session;
        this.unit = profile.unit();
        this.bands = new Timeline<>(new PressureBand(session.bandLow(), session.bandHigh(), profile.unit()));
        for (SessionMark m : marks) {
            mark(m);
        }
        this.focuser = new SampleFocuser(profile, tags);
        this.tracker = new DwellTracker(gapLimitMs, bands::at);
    }

    /** Applies a tag or band from its instant on (samples already taken are not re-evaluated). */
    public void mark(SessionMark m) {
        if (m.kind() == SessionMark.Kind.TAG) {
            tags.set(m.atMs(), m.region());
        } else {
            bands.set(m.atMs(), new PressureBand(m.bandLow(), m.bandHigh(), unit));
        }
    }

    /** Tracks the session's next sample. */
    public FocusedSample accept(Sample s) {
        FocusedSample f = focuser.focus(s);
        tracker.accept(f);
        if (f.contact()) {
            lastContactT = s.t();
        }
        return f;
    }

    /** Whether a marked instant lies at or before samples already tracked, so tracking must be replayed. */
    public boolean markIsLate(long atMs) {
        FocusedSample last = tracker.last();
        return last != null && atMs <= last.t();
    }

    /**
     * Device time of the session's latest contact, or of its first sample when it had none: where
     * its idleness counts from (engine.session.SessionRules#endsIdle).
     */
    public long quietSince() {
        return lastContactT == Long.MIN_VALUE ? tracker.totals().firstT() : lastContactT;
    }

    public SessionRow session() {
        return session;
    }

    public DwellTracker tracker() {
        return tracker;
    }

    /**
     * The region rollups as this track last stored them, or null when it has not stored any: a
     * failed transaction evicts the device's whole track, so what this holds was committed.
     */
    Map<Region, RegionStats> storedRegions() {
        return storedRegions;
    }

    /** Records the rollups just stored. */
    void storedRegions(List<RegionStats> regions) {
        Map<Region, RegionStats> m = new EnumMap<>(Region.class);
        for (RegionStats r : regions) {
            m.put(r.region(), r);
        }
        storedRegions = m;
    }

    /** The band in force at a device time. */
    public PressureBand bandAt(long t) {
        return bands.at(t);
    }

    /** The region tagged at a device time, or null. */
    public Region tagAt(long t) {
        return tags.at(t);
    }
}
