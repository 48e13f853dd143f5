package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.payload.PayloadReader;
import dev.spinetrack.server.engine.session.BatchScreen;
import dev.spinetrack.server.engine.session.BatchScreen.Arrival;
import dev.spinetrack.server.engine.session.BatchScreen.Screened;
import dev.spinetrack.server.engine.session.SessionRules;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.DeviceStore;
import dev.spinetrack.server.storage.SampleStore;
import dev.spinetrack.server.storage.SessionRedraws;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.storage.SessionStore;
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
    private final LiveFeed live;
    private final GatewayTrust trust;
    private final SessionRules rules;
    private final SessionBoundaries boundaries;
    private final SampleTracking tracking;
    private final DeviceReports reports;
    private final GroupLocks groupLocks;
    private final LateSampleSessions lateSessions;
    private final LateArrivals lateArrivals = new LateArrivals();

    public SampleProcessor(Database db, DeviceStore devices, SampleStore samples, SessionStore sessions,
                           DeviceTracks tracks, TrackingSettings settings, LiveFeed live, PayloadReader payloads,
                           TrackedSampleFeed feed, GatewayTrust trust, DeviceChanges changes, SessionRedraws redraws) {
        this.db = db;
        this.devices = devices;
        this.samples = samples;
        this.sessions = sessions;
        this.tracks = tracks;
        this.live = live;
        this.trust = trust;
        this.rules = settings.rules();
        SessionLifecycle lifecycle = new SessionLifecycle(sessions, tracks, live, settings);
        this.boundaries = new SessionBoundaries(sessions, tracks, live, rules, lifecycle);
        this.tracking = new SampleTracking(tracks, live, feed, rules, lifecycle, boundaries);
        this.lateSessions = new LateSampleSessions(sessions, redraws, samples, tracks, live, settings);
        this.groupLocks = new GroupLocks(db, devices, samples, tracks);
        this.reports = new DeviceReports(db, devices, samples, sessions, tracks, live, payloads, trust, changes,
                tracking);
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
        TreeMap<String, String> gateways = new TreeMap<>(); // device -> gateway, sorted: see GroupLocks
        Map<String, Optional<String>> owners = new HashMap<>(); // gateway -> owner
        for (SampleBatch b : batches) {
            gateways.putIfAbsent(b.device(), b.gateway());
            owners.computeIfAbsent(b.gateway(), trust::ownerOf);
        }
        try {
            return tracks.withLocks(gateways.navigableKeySet(), () -> {
                Map<String, List<TrackedSample>> tracked = new HashMap<>();
                List<DeviceTrack> committed = new ArrayList<>();
                // the group's samples go to the database as one batch of blocks, at the end
                List<IngestOutcome> outcomes = db.write(tx -> samples.batching(tx, c -> {
                    tracked.clear(); // a retried transaction starts over
                    Map<String, DeviceTrack> locked = groupLocks.lock(c, gateways, owners);
                    List<IngestOutcome> out = new ArrayList<>(batches.size());
                    Set<DeviceTrack> advanced = new LinkedHashSet<>();
                    Map<DeviceTrack, SessionShape> before = new HashMap<>();
                    for (SampleBatch b : batches) {
                        DeviceTrack t = locked.get(b.device());
                        if (t != null) {
                            before.putIfAbsent(t, SessionShape.of(t));
                        }
                        String refusal = t == null ? "unregistered-gateway"
                                : GatewayTrust.refusal(owners.get(b.gateway()), t.owner);
                        if (refusal != null) {
                            trust.refused(refusal, "batch " + b.batch(), b.device(), b.gateway(), b.samples().size());
                            out.add(new IngestOutcome(0, 0, b.samples().size(), false));
                            continue;
                        }
                        IngestOutcome o = ingest(c, b, t, tracking.collector(tracked, t.id));
                        if (o.stored() > 0 && !o.held()) {
                            advanced.add(t);
                        }
                        out.add(o);
                    }
                    long nowNanos = System.nanoTime();
                    List<DeviceTrack> due = new ArrayList<>();
                    for (DeviceTrack t : advanced) {
                        // once per device, however many of its batches the group held
                        if (tracks.progress().due(c, t, !before.get(t).same(t), nowNanos)) {
                            due.add(t);
                        } else {
                            t.progressUnsaved = true;
                        }
                    }
                    tracks.progress().save(c, due, System.currentTimeMillis());
                    committed.clear();
                    committed.addAll(advanced);
                    return out;
                }));
                for (DeviceTrack t : committed) {
                    t.committedSeq = t.processedSeq;
                }
                tracking.deliver(tracked); // committed: still under the devices' locks, so each device's order holds
                return outcomes;
            });
        } catch (RuntimeException e) {
            gateways.keySet().forEach(tracks::evict);
            throw e;
        }
    }

    /**
     * Which sessions a device's track holds: when a transaction changes it (a session opened,
     * closed, reopened or re-derived), the device's progress is stored with it.
     */
    private record SessionShape(SessionTrack open, SessionRow silentlyClosed) {
        static SessionShape of(DeviceTrack t) {
            return new SessionShape(t.open, t.silentlyClosed);
        }

        /** Whether the track still holds the very same session objects. */
        boolean same(DeviceTrack t) {
            return t.open == open && t.silentlyClosed == silentlyClosed;
        }
    }

    /** Stores a device's info and tracks the samples that waited for it. */
    public void onInfo(DeviceInfo info) {
        reports.onInfo(info);
    }

    /** A gateway's status: when the broker announces it LOST (its will), its devices are LOST too. */
    public void onGatewayStatus(GatewayStatus status) {
        reports.onGatewayStatus(status);
    }

    /** Stores a device's link state. */
    public void onStatus(DeviceStatus status) {
        reports.onStatus(status);
    }

    private IngestOutcome ingest(Connection c, SampleBatch batch, DeviceTrack t, List<TrackedSample> out)
            throws SQLException {
        String id = batch.device();
        Screened screened = BatchScreen.screen(batch.samples(), t.processedSeq, System.currentTimeMillis(),
                t.info == null ? null : t.info.unit(), t.profile == null ? -1 : t.profile.cells().size());
        if (screened.implausible() > 0) {
            LOG.warn("Device {} batch {} from gateway {}: dropped {} implausible samples, e.g. {}", id, batch.batch(),
                    batch.gateway(), screened.implausible(), screened.problem());
        }
        if (screened.misfits() > 0) {
            LOG.warn("Device {} batch {}: dropped {} samples whose channel count is not the device's {}", id,
                    batch.batch(), screened.misfits(), t.profile.cells().size());
        }
        int rejected = screened.rejected();
        if (screened.kept().isEmpty()) {
            return new IngestOutcome(0, 0, rejected, false);
        }
        List<Sample> fresh = samples.insertNew(c, id, screened.kept(), t.storedHigh);
        for (Sample s : fresh) {
            if (s.seq() > t.storedHigh) {
                t.storedHigh = s.seq();
            }
        }
        int duplicates = screened.kept().size() - fresh.size();
        if (fresh.isEmpty()) {
            return new IngestOutcome(0, duplicates, rejected, false);
        }
        if (t.profile == null) {
            return new IngestOutcome(fresh.size(), duplicates, rejected, true);
        }
        Arrival arrival = BatchScreen.split(fresh, t.processedSeq);
        List<Sample> late = arrival.late();
        if (!late.isEmpty()) {
            long from = late.get(0).seq();
            long to = late.get(late.size() - 1).seq();
            lateArrivals.note(id, batch.batch(), late.size(), from, to);
            // the sessions below what was tracked change without moving processed_seq: other instances
            // holding this device's track must reload it (its row is locked here, so this is exact)
            devices.bumpRevision(c, id);
            t.revision++;
            if (!lateSessions.redraw(c, t, from, to)) {
                if (rules.autoSessions()) {
                    boundaries.startEarlierOnLateContact(c, t, late);
                }
                for (SessionRow s : sessions.overlapping(c, id, from, to)) {
                    tracks.recompute(c, t, s);
                }
            }
        }
        tracking.advance(c, t, arrival.next(), out);
        return new IngestOutcome(fresh.size(), duplicates, rejected, false);
    }
}
