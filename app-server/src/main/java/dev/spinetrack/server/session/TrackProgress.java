package dev.spinetrack.server.session;

import dev.spinetrack.server.engine.tracking.RegionStats;
import dev.spinetrack.server.live.LiveEvent;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.DeviceStore;
import dev.spinetrack.server.storage.SessionStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores what tracking moved: a device's progress (processed seq, battery) and its open
 * session's totals and rollups, and says when they are due. Reached through
 * {@link DeviceTracks#progress()}.
 */
final class TrackProgress {

    private final SessionStore sessions;
    private final DeviceStore devices;
    private final LiveFeed live;
    private final TrackingSettings settings;
    private final Database db;

    TrackProgress(SessionStore sessions, DeviceStore devices, LiveFeed live, TrackingSettings settings, Database db) {
        this.sessions = sessions;
        this.devices = devices;
        this.live = live;
        this.settings = settings;
        this.db = db;
    }

    /**
     * Whether a device's progress is to be stored in this transaction: always when its sessions
     * changed in it (opened, closed, re-derived) or another instance may read storage, else at
     * most every {@link TrackingSettings#progressIntervalMs()}. Progress left unsaved is stored
     * before any other change to the device ({@link DeviceTracks#lockedForChange}), by {@link UnsavedProgress}
     * once the device is quiet, and replayed from the stored samples after a restart
     * ({@code DeviceTracks#load}); so the rows it spares (three updates per device and transaction) cost
     * no figure.
     */
    boolean due(Connection c, DeviceTrack t, boolean sessionsChanged, long nowNanos) throws SQLException {
        long interval = settings.progressIntervalMs() * 1_000_000;
        return sessionsChanged || interval == 0 || !db.soleWriter(c) || nowNanos - t.progressSavedNanos >= interval;
    }

    /** Stores the open session's rollups and the device's processed seq and battery. */
    void save(Connection c, DeviceTrack t, long now) throws SQLException {
        save(c, List.of(t), now);
    }

    /**
     * {@link #save(Connection, DeviceTrack, long)} for several devices, each kind of
     * statement one JDBC batch for all of them.
     */
    void save(Connection c, List<DeviceTrack> all, long now) throws SQLException {
        List<SessionStore.Tracking> figures = new ArrayList<>();
        List<List<RegionStats>> regions = new ArrayList<>();
        List<DeviceStore.Processed> progress = new ArrayList<>(all.size());
        for (DeviceTrack t : all) {
            if (t.open != null) {
                List<RegionStats> r = t.open.tracker().regions();
                regions.add(r);
                figures.add(new SessionStore.Tracking(t.open.session().id(), t.open.tracker().totals(), r,
                        t.open.storedRegions()));
            }
            progress.add(new DeviceStore.Processed(t.id, t.processedSeq, t.unsavedBattery));
        }
        sessions.saveTracking(c, figures);
        devices.setProcessed(c, progress, now);
        int i = 0;
        for (DeviceTrack t : all) {
            if (t.open != null) {
                stored(t.open, regions.get(i++));
            }
            t.unsavedBattery = null;
            t.progressUnsaved = false;
            t.progressSavedNanos = System.nanoTime();
        }
    }

    /** Stores a session's current totals and rollups. */
    void persist(Connection c, SessionTrack st) throws SQLException {
        List<RegionStats> regions = st.tracker().regions();
        sessions.saveTracking(c, st.session().id(), st.tracker().totals(), regions, st.storedRegions());
        stored(st, regions);
    }

    private void stored(SessionTrack st, List<RegionStats> regions) {
        st.storedRegions(regions);
        // The figures as stored, for the dashboards (held back with the transaction by the ingest path).
        live.publishLatest(new LiveEvent(DeviceTracks.REGIONS, st.session().deviceId(), st.session().id(), regions));
    }
}
