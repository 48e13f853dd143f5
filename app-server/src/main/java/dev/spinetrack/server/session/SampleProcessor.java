package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.ingest.PayloadReader;
import dev.spinetrack.server.live.LiveEvent;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.live.LiveFrame;
import dev.spinetrack.server.store.Database;
import dev.spinetrack.server.store.DeviceStore;
import dev.spinetrack.server.store.SampleStore;
import dev.spinetrack.server.store.SessionRow;
import dev.spinetrack.server.store.SessionStore;
import dev.spinetrack.server.tracking.FocusedSample;
import dev.spinetrack.server.tracking.TargetBand;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies incoming MQTT messages: stores new samples (dropping duplicates by (device, seq)),
 * tracks them in seq order, opens and closes automatic sessions, re-derives sessions hit by
 * late samples, and stores the resulting rollups, all in one transaction per message, so a
 * message may be acknowledged as soon as this returns.
 */
@Singleton
public class SampleProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SampleProcessor.class);

    private final Database db;
    private final DeviceStore devices;
    private final SampleStore samples;
    private final SessionStore sessions;
    private final DeviceTracks tracks;
    private final TrackingSettings settings;
    private final LiveFeed live;
    private final PayloadReader payloads;
    private final String defaultUser;

    public SampleProcessor(Database db, DeviceStore devices, SampleStore samples, SessionStore sessions,
                           DeviceTracks tracks, TrackingSettings settings, LiveFeed live, PayloadReader payloads,
                           @Value("${spinetrack.users.default-user:demo}") String defaultUser) {
        this.db = db;
        this.devices = devices;
        this.samples = samples;
        this.sessions = sessions;
        this.tracks = tracks;
        this.settings = settings;
        this.live = live;
        this.payloads = payloads;
        this.defaultUser = defaultUser;
    }

    /** Stores and tracks a batch. */
    public IngestOutcome onSamples(SampleBatch batch) {
        String id = batch.device();
        synchronized (tracks.lock(id)) {
            try {
                return db.write(c -> ingest(c, batch));
            } catch (RuntimeException e) {
                tracks.evict(id);
                throw e;
            }
        }
    }

    /** Stores a device's info and tracks the samples that waited for it. */
    public void onInfo(DeviceInfo info) {
        String id = info.device();
        synchronized (tracks.lock(id)) {
            try {
                db.write(c -> {
                    long now = System.currentTimeMillis();
                    devices.ensure(c, id, info.gateway(), defaultUser, now);
                    devices.setInfo(c, id, info.gateway(), info.name(), info.kind().name(), payloads.write(info), now);
                    DeviceTrack t = tracks.lockedForChange(c, id).orElseThrow();
                    boolean changed = t.info == null || !t.info.cells().equals(info.cells())
                            || t.info.contactThreshold() != info.contactThreshold() || t.info.kind() != info.kind();
                    t.setInfo(info);
                    if (changed) {
                        Optional<SessionRow> open = sessions.findOpen(c, id);
                        t.open = open.isPresent() ? tracks.replay(c, t, open.get(), t.processedSeq) : null;
                    }
                    long high = samples.highestSeq(c, id);
                    if (high > t.processedSeq) {
                        List<Sample> waiting = samples.load(c, id, t.processedSeq + 1, high);
                        LOG.info("Device {}: info arrived, tracking {} samples that waited for it", id, waiting.size());
                        advance(c, t, waiting, now);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                tracks.evict(id);
                throw e;
            }
        }
    }

    /** Stores a device's link state. */
    public void onStatus(DeviceStatus status) {
        String id = status.device();
        synchronized (tracks.lock(id)) {
            db.write(c -> {
                long now = System.currentTimeMillis();
                devices.ensure(c, id, status.gateway(), defaultUser, now);
                devices.setStatus(c, id, status.state().name(), status.battery(), now);
                return null;
            });
        }
        live.publish(new LiveEvent("status", id, null, status.state().name()));
    }

    private IngestOutcome ingest(Connection c, SampleBatch batch) throws SQLException {
        String id = batch.device();
        long now = System.currentTimeMillis();
        devices.ensure(c, id, batch.gateway(), defaultUser, now);
        DeviceTrack t = tracks.locked(c, id).orElseThrow();
        List<Sample> candidates = batch.samples();
        int rejected = 0;
        if (t.profile != null) {
            candidates = new ArrayList<>(candidates.size());
            for (Sample s : batch.samples()) {
                if (DeviceTracks.fits(t, s)) {
                    candidates.add(s);
                } else {
                    rejected++;
                }
            }
            if (rejected > 0) {
                LOG.warn("Device {} batch {}: dropped {} samples whose channel count is not the device's {}", id,
                        batch.batch(), rejected, t.profile.cells().size());
            }
            if (candidates.isEmpty()) {
                return new IngestOutcome(0, 0, rejected, false);
            }
        }
        List<Sample> fresh = samples.insertNew(c, id, candidates);
        int duplicates = candidates.size() - fresh.size();
        if (fresh.isEmpty()) {
            return new IngestOutcome(0, duplicates, rejected, false);
        }
        if (t.profile == null) {
            return new IngestOutcome(fresh.size(), duplicates, rejected, true);
        }
        List<Sample> late = new ArrayList<>();
        List<Sample> next = new ArrayList<>(fresh.size());
        for (Sample s : fresh) {
            (s.seq() <= t.processedSeq ? late : next).add(s);
        }
        if (!late.isEmpty()) {
            long from = late.get(0).seq();
            long to = late.get(late.size() - 1).seq();
            LOG.info("Device {} batch {}: {} late samples (seq {}..{}), re-deriving the sessions they fall in", id,
                    batch.batch(), late.size(), from, to);
            for (SessionRow s : sessions.overlapping(c, id, from, to)) {
                tracks.recompute(c, t, s);
            }
        }
        advance(c, t, next, now);
        return new IngestOutcome(fresh.size(), duplicates, rejected, false);
    }

    /** Tracks samples above the device's processed seq, in order, then stores the open session's rollups. */
    private void advance(Connection c, DeviceTrack t, List<Sample> next, long now) throws SQLException {
        Integer battery = null;
        for (Sample s : next) {
            if (DeviceTracks.fits(t, s)) {
                step(c, t, s);
            }
            t.processedSeq = Math.max(t.processedSeq, s.seq());
            if (s.battery() != null) {
                battery = s.battery();
            }
        }
        if (t.open != null) {
            tracks.persist(c, t.open);
        }
        devices.setProcessed(c, t.id, t.processedSeq, battery, now);
    }

    private void step(Connection c, DeviceTrack t, Sample s) throws SQLException {
        SessionTrack open = t.open;
        FocusedSample f = null;
        if (open == null) {
            f = t.idleFocuser.focus(s);
            if (settings.autoSessions() && f.contact()) {
                open = SessionLifecycle.open(c, sessions, tracks, live, settings, t, t.owner, true, s.seq(), s.t());
            }
        }
        if (open != null) {
            f = open.accept(s);
            if (open.session().auto() && open.idleAt(f, settings.idleTimeoutMs())) {
                SessionLifecycle.close(c, sessions, tracks, live, t, s.seq(), s.t(), "idle");
            }
        }
        live.offer(frame(t, open, s, f), false);
    }

    private static LiveFrame frame(DeviceTrack t, SessionTrack open, Sample s, FocusedSample f) {
        TargetBand band = open != null ? open.bandAt(s.t()) : null;
        String position = band != null && f.contact() ? band.position(f.pressure()).name() : null;
        return new LiveFrame("sample", t.id, open == null ? null : open.session().id(), s.seq(), s.t(), f.contact(),
                f.region() == null ? null : f.region().name(), f.pressure(), t.info.unit().symbol(), position,
                band == null ? 0 : band.low(), band == null ? 0 : band.high(), s.p(), s.pitch(), s.roll(),
                s.battery());
    }
}
