package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.payload.PayloadReader;
import dev.spinetrack.server.live.LiveEvent;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.live.LiveFrame;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.DeviceStore;
import dev.spinetrack.server.storage.SampleStore;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.storage.SessionStore;
import dev.spinetrack.server.engine.tracking.FocusedSample;
import dev.spinetrack.server.engine.band.PressureBand;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies incoming MQTT messages: stores new samples (dropping duplicates by (device, seq)),
 * tracks them in seq order, opens and closes automatic sessions, re-derives sessions hit by
 * late samples, and stores the resulting rollups, all in one transaction per message or group
 * of messages, so they may be acknowledged as soon as this returns.
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
    private final TrackedSampleFeed feed;
    private final GatewayTrust trust;
    private final DeviceChanges changes;
    private final SessionBoundaries boundaries;

    public SampleProcessor(Database db, DeviceStore devices, SampleStore samples, SessionStore sessions,
                           DeviceTracks tracks, TrackingSettings settings, LiveFeed live, PayloadReader payloads,
                           TrackedSampleFeed feed, GatewayTrust trust, DeviceChanges changes) {
        this.db = db;
        this.devices = devices;
        this.samples = samples;
        this.sessions = sessions;
        this.tracks = tracks;
        this.settings = settings;
        this.live = live;
        this.payloads = payloads;
        this.feed = feed;
        this.trust = trust;
        this.changes = changes;
        this.boundaries = new SessionBoundaries(sessions, tracks, live, settings);
    }

    /** Stores and tracks a batch. */
    public IngestOutcome onSamples(SampleBatch batch) {
        return onSamples(List.of(batch)).get(0);
    }

    /**
     * Stores and tracks batches, of one device or several, in arrival order and in one
     * transaction: one commit (and one lock of each device's row) for all of them, so none of
     * them may be acknowledged before this returns. When it throws, none of them is stored.
     *
     * @return what became of each batch, in order
     */
    public List<IngestOutcome> onSamples(List<SampleBatch> batches) {
        live.hold(); // frames and events go out after the commit, never for a rolled-back batch
        try {
            List<IngestOutcome> out = store(batches);
            live.release();
            return out;
        } finally {
            live.discard();
        }
    }

    private List<IngestOutcome> store(List<SampleBatch> batches) {
        TreeMap<String, String> gateways = new TreeMap<>(); // device -> gateway, sorted: see lockRows
        Map<String, Optional<String>> owners = new HashMap<>(); // gateway -> owner
        for (SampleBatch b : batches) {
            gateways.putIfAbsent(b.device(), b.gateway());
            owners.computeIfAbsent(b.gateway(), trust::ownerOf);
        }
        try {
            return tracks.withLocks(gateways.navigableKeySet(), () -> {
                Map<String, List<TrackedSample>> tracked = new HashMap<>();
                List<IngestOutcome> outcomes = db.write(c -> {
                    tracked.clear(); // a retried transaction starts over
                    Map<String, DeviceTrack> locked = lockRows(c, gateways, owners);
                    List<IngestOutcome> out = new ArrayList<>(batches.size());
                    Set<DeviceTrack> advanced = new LinkedHashSet<>();
                    for (SampleBatch b : batches) {
                        DeviceTrack t = locked.get(b.device());
                        String refusal = t == null ? "unregistered-gateway"
                                : GatewayTrust.refusal(owners.get(b.gateway()), t.owner);
                        if (refusal != null) {
                            trust.refused(refusal, "batch " + b.batch(), b.device(), b.gateway(), b.samples().size());
                            out.add(new IngestOutcome(0, 0, b.samples().size(), false));
                            continue;
                        }
                        IngestOutcome o = ingest(c, b, t, collector(tracked, t.id));
                        if (o.stored() > 0 && !o.held()) {
                            advanced.add(t);
                        }
                        out.add(o);
                    }
                    long now = System.currentTimeMillis();
                    for (DeviceTrack t : advanced) {
                        saveProgress(c, t, now); // once per device, however many of its batches the group held
                    }
                    return out;
                });
                deliver(tracked); // committed: still under the devices' locks, so each device's order holds
                return outcomes;
            });
        } catch (RuntimeException e) {
            gateways.keySet().forEach(tracks::evict);
            throw e;
        }
    }

    /**
     * Creates devices seen for the first time and locks the rows of all, in id order, so two
     * instances storing groups of the same devices cannot deadlock on each other's row locks.
     */
    private Map<String, DeviceTrack> lockRows(Connection c, Map<String, String> gateways,
                                              Map<String, Optional<String>> owners) throws SQLException {
        long now = System.currentTimeMillis();
        Map<String, DeviceTrack> locked = new HashMap<>();
        for (Map.Entry<String, String> d : gateways.entrySet()) {
            Optional<DeviceTrack> t = tracks.locked(c, d.getKey());
            Optional<String> owner = owners.get(d.getValue());
            if (t.isEmpty() && owner.isPresent()) {
                // a new device belongs to the owner of the gateway that brought it
                devices.ensure(c, d.getKey(), d.getValue(), owner.get(), now);
                t = tracks.locked(c, d.getKey());
            }
            t.ifPresent(track -> locked.put(d.getKey(), track));
        }
        return locked;
    }

    /** Why a gateway may not send this device's info or status, or null (creates a new device for its owner). */
    private String admit(Connection c, String device, String gateway, long now) throws SQLException {
        Optional<String> owner = trust.ownerOf(gateway);
        String refusal = GatewayTrust.refusal(owner, devices.find(c, device).map(d -> d.ownerId()).orElse(null));
        if (refusal == null) {
            devices.ensure(c, device, gateway, owner.get(), now);
        }
        return refusal;
    }

    /** Stores a device's info and tracks the samples that waited for it. */
    public void onInfo(DeviceInfo info) {
        String id = info.device();
        Long[] rebootedFrom = new Long[1];
        boolean[] admitted = {false};
        live.hold();
        synchronized (tracks.lock(id)) {
            try {
                Map<String, List<TrackedSample>> tracked = new HashMap<>();
                db.write(c -> {
                    tracked.clear();
                    long now = System.currentTimeMillis();
                    String refusal = admit(c, id, info.gateway(), now);
                    if (refusal != null) {
                        trust.refused(refusal, "info", id, info.gateway(), 0);
                        return null;
                    }
                    devices.setInfo(c, id, info.gateway(), info.name(), info.kind().name(), payloads.write(info), now);
                    admitted[0] = true;
                    DeviceTrack t = tracks.lockedForChange(c, id).orElseThrow();
                    if (t.info != null && t.info.boot() != null && info.boot() != null
                            && !t.info.boot().equals(info.boot())) {
                        rebootedFrom[0] = t.info.boot();
                    }
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
                        advance(c, t, waiting, collector(tracked, id));
                        saveProgress(c, t, now);
                    }
                    return null;
                });
                deliver(tracked);
            } catch (RuntimeException e) {
                tracks.evict(id);
                live.discard();
                throw e;
            }
        }
        live.release();
        if (admitted[0]) {
            changes.publish(id); // a new device, or its name or kind, for the dashboards
        }
        if (rebootedFrom[0] != null) {
            // after the commit, like every live event
            LOG.info("Device {} rebooted: boot {} -> {}; both streams are kept", id, rebootedFrom[0], info.boot());
            live.publish(new LiveEvent("reboot", id, null, "boot " + rebootedFrom[0] + " -> " + info.boot()));
        }
    }

    /** A gateway's status: when the broker announces it LOST (its will), its devices are LOST too. */
    public void onGatewayStatus(GatewayStatus status) {
        if (status.state() != dev.spinetrack.protocol.mqtt.DeviceState.LOST) {
            return;
        }
        List<String> lost = db.write(c -> devices.markGatewayLost(c, status.gateway()));
        if (!lost.isEmpty()) {
            LOG.info("Gateway {} is LOST; its devices {} are LOST too", status.gateway(), lost);
        }
        lost.forEach(changes::publish);
    }

    /** Stores a device's link state. */
    public void onStatus(DeviceStatus status) {
        String id = status.device();
        synchronized (tracks.lock(id)) {
            String refusal = db.write(c -> {
                long now = System.currentTimeMillis();
                String r = admit(c, id, status.gateway(), now);
                if (r == null) {
                    devices.setStatus(c, id, status.state().name(), status.battery(), now);
                }
                return r;
            });
            if (refusal != null) {
                trust.refused(refusal, "status", id, status.gateway(), 0);
                return;
            }
        }
        changes.publish(id);
    }

    private IngestOutcome ingest(Connection c, SampleBatch batch, DeviceTrack t, List<TrackedSample> out)
            throws SQLException {
        String id = batch.device();
        List<Sample> candidates = batch.samples();
        int rejected = 0;
        long now = System.currentTimeMillis();
        String implausible = null;
        for (Sample s : candidates) {
            implausible = SamplePlausibility.problem(s, t.processedSeq, now, t.info == null ? null : t.info.unit());
            if (implausible != null) {
                break;
            }
        }
        if (implausible != null) {
            // rare: copy only then
            List<Sample> believable = new ArrayList<>(candidates.size());
            for (Sample s : candidates) {
                if (SamplePlausibility.problem(s, t.processedSeq, now, t.info == null ? null : t.info.unit()) == null) {
                    believable.add(s);
                }
            }
            rejected = candidates.size() - believable.size();
            LOG.warn("Device {} batch {} from gateway {}: dropped {} implausible samples, e.g. {}", id, batch.batch(),
                    batch.gateway(), rejected, implausible);
            candidates = believable;
            if (candidates.isEmpty()) {
                return new IngestOutcome(0, 0, rejected, false);
            }
        }
        if (t.profile != null) {
            List<Sample> fitting = candidates;
            candidates = new ArrayList<>(fitting.size());
            int misfits = 0;
            for (Sample s : fitting) {
                if (DeviceTracks.fits(t, s)) {
                    candidates.add(s);
                } else {
                    misfits++;
                }
            }
            if (misfits > 0) {
                LOG.warn("Device {} batch {}: dropped {} samples whose channel count is not the device's {}", id,
                        batch.batch(), misfits, t.profile.cells().size());
            }
            rejected += misfits;
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
            if (settings.autoSessions()) {
                boundaries.startEarlierOnLateContact(c, t, late);
            }
            for (SessionRow s : sessions.overlapping(c, id, from, to)) {
                tracks.recompute(c, t, s);
            }
        }
        advance(c, t, next, out);
        return new IngestOutcome(fresh.size(), duplicates, rejected, false);
    }

    /** Tracks samples above the device's processed seq, in order; {@link #saveProgress} stores the result. */
    private void advance(Connection c, DeviceTrack t, List<Sample> next, List<TrackedSample> out) throws SQLException {
        for (Sample s : next) {
            if (DeviceTracks.fits(t, s)) {
                step(c, t, s, out);
            }
            t.processedSeq = Math.max(t.processedSeq, s.seq());
            if (s.battery() != null) {
                t.unsavedBattery = s.battery();
            }
        }
    }

    /** Stores the open session's rollups and the device's processed seq and battery. */
    private void saveProgress(Connection c, DeviceTrack t, long now) throws SQLException {
        if (t.open != null) {
            tracks.persist(c, t.open);
        }
        devices.setProcessed(c, t.id, t.processedSeq, t.unsavedBattery, now);
        t.unsavedBattery = null;
    }

    private void step(Connection c, DeviceTrack t, Sample s, List<TrackedSample> out) throws SQLException {
        SessionTrack open = boundaries.silenceDecided(c, t, s);
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
        if (out != null) {
            out.add(new TrackedSample(s.seq(), s.t(), open == null ? null : open.session().id(), f.contact(), f.region(),
                    f.pressure(), s.pitch(), s.roll()));
        }
        if (live.due(t.id, s.t())) {
            live.offer(frame(t, open, s, f), false);
        }
    }

    /** Where the samples a device tracks in this transaction go, or null when nobody wants them. */
    private List<TrackedSample> collector(Map<String, List<TrackedSample>> tracked, String device) {
        return feed.wanted(device) ? tracked.computeIfAbsent(device, d -> new ArrayList<>()) : null;
    }

    private void deliver(Map<String, List<TrackedSample>> tracked) {
        long now = System.currentTimeMillis();
        tracked.forEach((device, list) -> feed.deliver(device, list, now));
    }

    private static LiveFrame frame(DeviceTrack t, SessionTrack open, Sample s, FocusedSample f) {
        PressureBand band = open != null ? open.bandAt(s.t()) : null;
        String position = band != null && f.contact() ? band.position(f.pressure()).name() : null;
        return new LiveFrame("sample", t.id, open == null ? null : open.session().id(), s.seq(), s.t(), f.contact(),
                f.region() == null ? null : f.region().name(), f.pressure(), t.info.unit().symbol(), position,
                band == null ? 0 : band.low(), band == null ? 0 : band.high(), s.p(), s.pitch(), s.roll(),
                s.battery());
    }
}
