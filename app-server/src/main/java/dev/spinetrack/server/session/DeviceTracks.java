package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.payload.BadPayloadException;
import dev.spinetrack.server.payload.PayloadReader;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.DeviceRow;
import dev.spinetrack.server.storage.DeviceStore;
import dev.spinetrack.server.storage.SampleStore;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.storage.SessionStore;
import dev.spinetrack.server.engine.tracking.RegionStats;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory tracks of devices, each loaded from storage on first use and replayed from
 * stored samples whenever stored data changes under it (late samples, late tags). Callers
 * hold {@link #lock(String)} while they use a device's track.
 */
@Singleton
public class DeviceTracks {

    /** Type of the live event with a session's region figures ({@link RegionStats} per region). */
    public static final String REGIONS = "regions";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceTracks.class);

    private final Map<String, DeviceTrack> tracks = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Devices whose stored progress may be behind their stored samples; see {@link UnsavedProgress#catchUp}. */
    private final Set<String> behind = ConcurrentHashMap.newKeySet();
    private final SessionStore sessions;
    private final SampleStore samples;
    private final PayloadReader payloads;
    private final TrackingSettings settings;
    private final DeviceStore devices;
    private final Database db;
    private final TrackProgress progress;

    public DeviceTracks(SessionStore sessions, SampleStore samples, PayloadReader payloads, TrackingSettings settings,
                        DeviceStore devices, LiveFeed live, Database db) {
        this.db = db;
        this.progress = new TrackProgress(sessions, devices, live, settings, db);
        this.sessions = sessions;
        this.samples = samples;
        this.payloads = payloads;
        this.settings = settings;
        this.devices = devices;
    }

    /** Where the tracks' progress and their open sessions' figures are stored. */
    TrackProgress progress() {
        return progress;
    }

    /** The monitor guarding a device's track. */
    public Object lock(String device) {
        return locks.computeIfAbsent(device, d -> new Object());
    }

    /**
     * Runs work holding the monitors of several devices, taken in the set's order (callers pass
     * a sorted set; every other caller holds one monitor at a time, so no order can deadlock).
     */
    <R> R withLocks(SortedSet<String> devices, Supplier<R> work) {
        return holding(List.copyOf(devices), 0, work);
    }

    private <R> R holding(List<String> devices, int i, Supplier<R> work) {
        if (i == devices.size()) {
            return work.get();
        }
        synchronized (lock(devices.get(i))) {
            return holding(devices, i + 1, work);
        }
    }

    /** The device's track, loaded from storage when not in memory; empty for an unknown device. */
    Optional<DeviceTrack> get(Connection c, String device) throws SQLException {
        DeviceTrack t = tracks.get(device);
        if (t != null) {
            return Optional.of(t);
        }
        Optional<DeviceRow> row = devices.find(c, device);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        t = load(c, row.get());
        tracks.put(device, t);
        return Optional.of(t);
    }

    /**
     * The device's track for this transaction: locks its row to the end of the transaction and
     * first drops an in-memory copy that another instance has overtaken, so nothing on this
     * instance tracks or re-derives a session from stale state.
     */
    Optional<DeviceTrack> locked(Connection c, String device) throws SQLException {
        DeviceTrack held = tracks.get(device);
        boolean sole = db.soleWriter(c);
        if (held != null && sole) {
            // no other instance can overtake the track, and the caller holds the device's monitor:
            // the row lock (a statement H2 parses anew each time) would guard nothing
            return Optional.of(held);
        }
        Optional<DeviceRow> row = lockAndSync(c, device);
        Optional<DeviceTrack> t = row.isEmpty() ? Optional.empty() : get(c, device);
        if (!sole) {
            // another instance may store this device's samples: the highest stored is not known
            t.ifPresent(track -> track.storedHigh = Long.MAX_VALUE);
        }
        return t;
    }

    /** The device's track in memory, or null. */
    DeviceTrack held(String device) {
        return tracks.get(device);
    }

    /**
     * The track of a device whose row this transaction just locked: the one in memory unless
     * storage moved on without it ({@link #syncWith}), else loaded from storage.
     */
    DeviceTrack forLockedRow(Connection c, DeviceRow row) throws SQLException {
        syncWith(row);
        DeviceTrack t = tracks.get(row.id());
        if (t == null) {
            t = load(c, row);
            tracks.put(row.id(), t);
        }
        return t;
    }

    /**
     * Like {@link #locked}, for a change to the device's sessions that does not move
     * {@code processed_seq} (start, stop, tag, band, info): bumps the stored revision so other
     * instances reload, and records that this instance's track is at the new revision (the row
     * is locked, so the stored value plus one is exact).
     */
    Optional<DeviceTrack> lockedForChange(Connection c, String device) throws SQLException {
        DeviceTrack held = tracks.get(device);
        if (held != null && held.progressUnsaved) {
            // the change is decided on the track in memory: storage first catches up with it, so a
            // restart never sees the change without the samples tracked before it
            progress.save(c, held, System.currentTimeMillis());
        }
        Optional<DeviceRow> row = lockAndSync(c, device);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<DeviceTrack> t = get(c, device);
        devices.bumpRevision(c, device);
        t.ifPresent(track -> track.revision = row.get().revision() + 1);
        return t;
    }

    private Optional<DeviceRow> lockAndSync(Connection c, String device) throws SQLException {
        Optional<DeviceRow> row = devices.lock(c, device);
        row.ifPresent(this::syncWith);
        return row;
    }

    /**
     * Drops the in-memory track when storage moved on without it (another instance processed
     * the device's messages), so the next use rebuilds it from storage.
     */
    void syncWith(DeviceRow stored) {
        DeviceTrack t = tracks.get(stored.id());
        if (t != null && (t.processedSeq != stored.processedSeq() || t.revision != stored.revision())) {
            LOG.info("Device {}: storage is at seq {} revision {}, this instance at {} revision {}: reloading its track",
                    stored.id(), stored.processedSeq(), stored.revision(), t.processedSeq, t.revision);
            tracks.remove(stored.id());
        }
    }

    /**
     * Forgets a device's in-memory state, e.g. after a failed transaction; the next use reloads
     * it, and so does {@link UnsavedProgress#catchUp} when its stored progress may be behind its samples.
     */
    public void evict(String device) {
        if (tracks.containsKey(device)) {
            // noted before it goes, so a reader never finds the device neither in memory nor noted
            behind.add(device);
            tracks.remove(device);
        }
    }

    /** Notes a device whose stored progress may be behind its stored samples, for {@link UnsavedProgress#catchUp}. */
    void noteBehind(String device) {
        behind.add(device);
    }

    /** The devices noted as behind, now. */
    List<String> behind() {
        return List.copyOf(behind);
    }

    /** Whether the device is noted as behind. */
    boolean isBehind(String device) {
        return behind.contains(device);
    }

    /** Forgets that a device is behind (its progress is stored; the caller holds its monitor). */
    void clearBehind(String device) {
        behind.remove(device);
    }

    /** The tracks in memory (a live view). */
    Collection<DeviceTrack> inMemory() {
        return tracks.values();
    }

    /** Whether this is the device's track in memory (not one dropped since). */
    boolean holds(DeviceTrack t) {
        return tracks.get(t.id) == t;
    }

    private DeviceTrack load(Connection c, DeviceRow row) throws SQLException {
        DeviceInfo info = null;
        if (row.infoJson() != null) {
            try {
                info = payloads.read(row.infoJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), DeviceInfo.class);
            } catch (BadPayloadException e) {
                LOG.warn("Device {}: stored info is unreadable, waiting for a new one: {}", row.id(), e.getMessage());
            }
        }
        DeviceTrack t = new DeviceTrack(row.id(), row.ownerId(), info, row.processedSeq());
        t.revision = row.revision();
        if (db.soleWriter(c)) {
            // only this instance stores the device's samples, so from here on it knows the highest
            long high = samples.highestSeq(c, row.id());
            t.storedHigh = high < 0 ? Long.MIN_VALUE : high;
            if (t.profile != null && high > t.processedSeq) {
                // samples tracked after the last stored progress (see TrackProgress#due): they changed no
                // session, so replaying them into the open session (below) is all they did
                LOG.info("Device {}: stored progress at seq {}, samples stored up to {}: tracking them again",
                        row.id(), t.processedSeq, high);
                t.processedSeq = high;
                t.committedSeq = high;
                t.progressUnsaved = true;
            }
        }
        if (t.profile != null) {
            Optional<SessionRow> open = sessions.findOpen(c, row.id());
            if (open.isPresent()) {
                t.open = replay(c, t, open.get(), t.processedSeq);
            } else {
                t.silentlyClosed = sessions.latest(c, row.id())
                        .filter(s -> s.auto() && "silent".equals(s.endReason())).orElse(null);
            }
        }
        return t;
    }

    /**
     * Whether a closed session's raw samples are all still stored (retention deletes old ones), so
     * replaying it would give its recorded figures.
     */
    boolean stillStored(Connection c, SessionRow s) throws SQLException {
        return s.toSeq() != null && samples.count(c, s.deviceId(), s.fromSeq(), s.toSeq()) >= s.samples();
    }

    /** Rebuilds a session's tracking from its stored marks and samples up to {@code toSeq}. */
    SessionTrack replay(Connection c, DeviceTrack t, SessionRow s, long toSeq) throws SQLException {
        return replay(c, t, s, toSeq, samples.load(c, t.id, s.fromSeq(), toSeq));
    }

    /**
     * {@link #replay(Connection, DeviceTrack, SessionRow, long)} from stored samples already loaded:
     * those of {@code loaded} (in seq order, holding at least the session's) from the session's
     * start to {@code toSeq}.
     */
    SessionTrack replay(Connection c, DeviceTrack t, SessionRow s, long toSeq, List<Sample> loaded)
            throws SQLException {
        SessionTrack st = new SessionTrack(s, t.profile, sessions.marks(c, s.id()), settings.gapLimitMs());
        for (Sample sample : loaded) {
            if (sample.seq() >= s.fromSeq() && sample.seq() <= toSeq && fits(t, sample)) {
                st.accept(sample);
            }
        }
        return st;
    }

    /**
     * The highest seq this instance tracked and committed for the device, or -1 when it holds no
     * track; never below what storage has, and never a sample not yet committed.
     */
    public long committedSeq(String device) {
        DeviceTrack t = tracks.get(device);
        return t == null ? -1 : t.committedSeq;
    }

    /** Re-derives a session's rollups from storage (after late samples or marks) and stores them. */
    void recompute(Connection c, DeviceTrack t, SessionRow s) throws SQLException {
        if (t.profile == null) {
            return;
        }
        long toSeq = s.open() ? t.processedSeq : s.toSeq();
        recompute(c, t, s, samples.load(c, t.id, s.fromSeq(), toSeq));
    }

    /**
     * {@link #recompute(Connection, DeviceTrack, SessionRow)} from stored samples already loaded
     * ({@code loaded}, in seq order, holds at least the session's).
     */
    void recompute(Connection c, DeviceTrack t, SessionRow s, List<Sample> loaded) throws SQLException {
        if (t.profile == null) {
            return;
        }
        if (s.open()) {
            t.open = replay(c, t, s, t.processedSeq, loaded);
            progress.persist(c, t.open);
        } else {
            SessionTrack again = replay(c, t, s, s.toSeq(), loaded);
            if (again.tracker().totals().samples() < s.samples()) {
                LOG.warn("Session {} keeps its rollups: its raw samples are past retention", s.id());
                return;
            }
            progress.persist(c, again);
        }
    }

    /** Whether a sample has as many channels as the device. */
    static boolean fits(DeviceTrack t, Sample s) {
        return t.profile != null && s.p().length == t.profile.cells().size();
    }
}
