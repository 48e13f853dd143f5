package dev.spinetrack.server.session;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.session.SessionRules;
import dev.spinetrack.server.engine.session.SessionStart;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.DeviceRow;
import dev.spinetrack.server.storage.DeviceStore;
import dev.spinetrack.server.storage.RegionHistoryRow;
import dev.spinetrack.server.storage.SampleStore;
import dev.spinetrack.server.storage.SessionMark;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.storage.SessionStore;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.security.AccessChanged;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Sessions for the REST API and for other server modules (guided programs): start, stop, tag
 * a ball's region, set the target band, and read sessions, devices and region history. Methods
 * taking a {@code user} only see that user's devices and sessions and throw
 * {@link NotFoundException} for anything else.
 */
@Singleton
public class SessionService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionService.class);

    private final Database db;
    private final DeviceStore devices;
    private final SampleStore samples;
    private final SessionStore sessions;
    private final DeviceTracks tracks;
    private final UnsavedProgress progress;
    private final TrackingSettings settings;
    private final LiveFeed live;
    private final SessionLifecycle lifecycle;
    private final SessionMarks marks;
    private final ApplicationEventPublisher<AccessChanged> accessEvents;

    public SessionService(Database db, DeviceStore devices, SampleStore samples, SessionStore sessions,
                          DeviceTracks tracks, UnsavedProgress progress, TrackingSettings settings,
                          LiveFeed live, ApplicationEventPublisher<AccessChanged> accessEvents) {
        this.accessEvents = accessEvents;
        this.db = db;
        this.devices = devices;
        this.samples = samples;
        this.sessions = sessions;
        this.tracks = tracks;
        this.progress = progress;
        this.settings = settings;
        this.live = live;
        this.lifecycle = new SessionLifecycle(sessions, tracks, live, settings);
        this.marks = new SessionMarks(db, samples, sessions, tracks);
    }

    /** The user's devices. */
    public List<DeviceRow> devices(String user) {
        return db.read(c -> devices.ownedBy(c, user));
    }

    /** One of the user's devices. */
    public DeviceRow device(String user, String deviceId) {
        return db.read(c -> visibleDevice(c, user, deviceId));
    }

    /**
     * Gives a device to another user (only its owner may). The old owner's open live streams of
     * it close ({@link AccessChanged}).
     */
    public DeviceRow transferDevice(String user, String deviceId, String newOwner) {
        DeviceRow moved = ContendedChange.run(tracks, deviceId, "moving it to another owner", () -> db.write(c -> {
            visibleDevice(c, user, deviceId);
            devices.setOwner(c, deviceId, newOwner, System.currentTimeMillis());
            tracks.evict(deviceId);
            return devices.find(c, deviceId).orElseThrow();
        }));
        accessEvents.publishEvent(new AccessChanged("device " + deviceId + " moved from " + user + " to " + newOwner));
        live.publish(DeviceChanges.event(moved)); // the new owner's dashboards list it
        return moved;
    }

    /**
     * Starts a session on a device for a user; samples after the highest one already received
     * belong to it. An open session on the device ends first (reason {@code replaced}).
     */
    public SessionRow start(String user, String deviceId) {
        return ContendedChange.run(tracks, deviceId, "starting a session", () -> db.write(c -> {
            visibleDevice(c, user, deviceId);
            DeviceTrack t = tracks.lockedForChange(c, deviceId).orElseThrow();
            long high = Math.max(t.processedSeq, samples.highestSeq(c, deviceId));
            long now = System.currentTimeMillis();
            closeOpen(c, t, high, now, "replaced");
            lifecycle.open(c, t, SessionStart.byUser(user, high, now));
            return sessions.findOpen(c, deviceId).orElseThrow();
        }));
    }

    /** Stops a session (no effect on one already ended); samples received so far stay in it. */
    public SessionRow stop(String user, long sessionId) {
        SessionRow s = session(user, sessionId).session();
        return ContendedChange.run(tracks, s.deviceId(), "stopping session " + sessionId, () -> db.write(c -> {
            SessionRow current = sessions.find(c, sessionId).orElseThrow();
            if (current.open()) {
                DeviceTrack t = tracks.lockedForChange(c, current.deviceId()).orElseThrow();
                closeOpen(c, t, SessionRules.endSeq(t.processedSeq, current.fromSeq()),
                        System.currentTimeMillis(), "stopped");
            }
            return sessions.find(c, sessionId).orElseThrow();
        }));
    }

    /**
     * Tags the region a ball works on from {@code atEpochMs} (device time) on; {@code null}
     * clears the tag (the ball is off the back or between regions). A tag at or before samples
     * already tracked re-derives the session from storage.
     */
    public void tagRegion(long sessionId, Region region, long atEpochMs) {
        marks.add(sessionId, at -> SessionMark.tag(atEpochMs, region));
    }

    /**
     * Tags the region a ball works on from the device's next sample on: the instant is the
     * device time just after the latest sample tracked, taken under the device's lock, so the
     * tag is never late and never re-derives the session.
     */
    public void tagRegionNow(long sessionId, Region region) {
        marks.add(sessionId, at -> SessionMark.tag(at, region));
    }

    /**
     * Sets the target band from the device's next sample on (device time, as {@link #tagRegionNow}).
     *
     * @throws IllegalArgumentException when not {@code 0 <= low <= high}
     */
    public void setTargetBand(long sessionId, double low, double high) {
        PressureBand.requireRange(low, high); // the unit is the device's, as for every band a session holds
        marks.add(sessionId, at -> SessionMark.band(at, low, high));
    }

    /** One of the user's sessions with its region statistics. */
    /**
     * Stores tracking progress a read is about to show; when that fails the read shows the
     * figures as last stored (the progress is stored later, see {@link ProgressSaver}).
     */
    private static void saveUnsaved(Runnable save) {
        try {
            save.run();
        } catch (RuntimeException e) {
            LOG.debug("reading figures as last stored: storing tracking progress failed: {}", e.getMessage());
        }
    }

    public SessionDetail session(String user, long sessionId) {
        saveUnsaved(() -> progress.saveOfSession(sessionId)); // the figures as tracked, not as last stored
        return db.read(c -> {
            SessionRow s = sessions.find(c, sessionId).filter(r -> r.userId().equals(user))
                    .orElseThrow(() -> new NotFoundException("session", sessionId));
            return new SessionDetail(s, sessions.rollups(c, sessionId), sessions.marks(c, sessionId));
        });
    }

    /**
     * A session for a reader who may not own it: the owner, or whoever {@code mayRead} admits
     * (a coach the owner granted read access).
     *
     * @param mayRead (reader, owner) -> allowed
     */
    public SessionDetail sessionForReader(String reader, long sessionId,
                                          java.util.function.BiPredicate<String, String> mayRead) {
        saveUnsaved(() -> progress.saveOfSession(sessionId));
        return db.read(c -> {
            SessionRow s = sessions.find(c, sessionId).filter(r -> mayRead.test(reader, r.userId()))
                    .orElseThrow(() -> new NotFoundException("session", sessionId));
            return new SessionDetail(s, sessions.rollups(c, sessionId), sessions.marks(c, sessionId));
        });
    }

    /** The open session of a device, if any (no user check: for server modules). */
    public Optional<SessionRow> openSession(String deviceId) {
        return db.read(c -> sessions.findOpen(c, deviceId));
    }

    /** The user's sessions, newest first, optionally of one device. */
    public List<SessionRow> sessions(String user, String deviceId, int limit) {
        saveUnsaved(() -> progress.saveOfUser(user));
        return db.read(c -> {
            if (deviceId != null) {
                visibleDevice(c, user, deviceId);
            }
            return sessions.ofUser(c, user, deviceId, limit);
        });
    }

    /** A region's statistics across the user's sessions, oldest first. */
    public List<RegionHistoryRow> regionHistory(String user, Region region, String deviceId) {
        saveUnsaved(() -> progress.saveOfUser(user));
        return db.read(c -> {
            if (deviceId != null) {
                visibleDevice(c, user, deviceId);
            }
            return sessions.regionHistory(c, user, region, deviceId);
        });
    }

    /**
     * Ends automatic sessions of devices that sent nothing for the idle timeout (server clock),
     * e.g. a device switched off while in contact; sessions of streaming devices end from ingest.
     *
     * @return how many sessions ended
     */
    public int closeSilent(long nowMs) {
        List<DeviceRow> quiet = db.read(c -> devices.silentWithOpenAutoSession(c, nowMs - settings.idleTimeoutMs()));
        int closed = 0;
        for (DeviceRow d : quiet) {
            synchronized (tracks.lock(d.id())) {
                try {
                    closed += db.write(c -> {
                        Optional<SessionRow> open = sessions.findOpen(c, d.id());
                        if (open.isEmpty() || !open.get().auto()) {
                            return 0;
                        }
                        DeviceTrack t = tracks.lockedForChange(c, d.id()).orElseThrow();
                        closeOpen(c, t, SessionRules.endSeq(t.processedSeq, open.get().fromSeq()),
                                SessionRules.sweptEnd(open.get().lastT(), nowMs), "silent");
                        t.silentlyClosed = sessions.find(c, open.get().id()).orElse(null);
                        return 1;
                    });
                } catch (RuntimeException e) {
                    tracks.evict(d.id());
                    throw e;
                }
            }
        }
        return closed;
    }

    private void closeOpen(Connection c, DeviceTrack t, long toSeq, long now, String reason) throws SQLException {
        if (t.open != null) {
            lifecycle.close(c, t, toSeq, now, reason);
            return;
        }
        // A session opened before the device's info arrived has no track yet.
        Optional<SessionRow> open = sessions.findOpen(c, t.id);
        if (open.isPresent()) {
            sessions.close(c, open.get().id(), toSeq, now, reason);
        }
    }

    private DeviceRow visibleDevice(Connection c, String user, String deviceId) throws SQLException {
        return devices.find(c, deviceId).filter(d -> d.ownerId().equals(user))
                .orElseThrow(() -> new NotFoundException("device", deviceId));
    }
}
