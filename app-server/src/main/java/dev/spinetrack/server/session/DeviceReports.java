package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceState;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.engine.session.InfoChange;
import dev.spinetrack.server.live.LiveEvent;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.payload.PayloadReader;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.DeviceStore;
import dev.spinetrack.server.storage.SampleStore;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.storage.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What devices and gateways report besides samples: a device's info (which starts tracking the
 * samples that waited for it and may show a reboot), a device's link state, and a gateway's will.
 * Each in its own transaction, its live events after the commit. For {@link SampleProcessor}.
 */
final class DeviceReports {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceReports.class);

    private final Database db;
    private final DeviceStore devices;
    private final SampleStore samples;
    private final SessionStore sessions;
    private final DeviceTracks tracks;
    private final LiveFeed live;
    private final PayloadReader payloads;
    private final GatewayTrust trust;
    private final DeviceChanges changes;
    private final SampleTracking tracking;

    DeviceReports(Database db, DeviceStore devices, SampleStore samples, SessionStore sessions, DeviceTracks tracks,
                  LiveFeed live, PayloadReader payloads, GatewayTrust trust, DeviceChanges changes,
                  SampleTracking tracking) {
        this.db = db;
        this.devices = devices;
        this.samples = samples;
        this.sessions = sessions;
        this.tracks = tracks;
        this.live = live;
        this.payloads = payloads;
        this.trust = trust;
        this.changes = changes;
        this.tracking = tracking;
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
    void onInfo(DeviceInfo info) {
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
                    InfoChange change = InfoChange.between(t.info, info);
                    if (change.rebooted()) {
                        rebootedFrom[0] = change.rebootedFrom();
                    }
                    t.setInfo(info);
                    if (change.retrack()) {
                        Optional<SessionRow> open = sessions.findOpen(c, id);
                        t.open = open.isPresent() ? tracks.replay(c, t, open.get(), t.processedSeq) : null;
                    }
                    long high = samples.highestSeq(c, id);
                    if (high > t.processedSeq) {
                        List<Sample> waiting = samples.load(c, id, t.processedSeq + 1, high);
                        LOG.info("Device {}: info arrived, tracking {} samples that waited for it", id, waiting.size());
                        tracking.advance(c, t, waiting, tracking.collector(tracked, id));
                        tracks.progress().save(c, t, now);
                    }
                    return null;
                });
                tracking.deliver(tracked);
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
    void onGatewayStatus(GatewayStatus status) {
        if (status.state() != DeviceState.LOST) {
            return;
        }
        List<String> lost = db.write(c -> devices.markGatewayLost(c, status.gateway()));
        if (!lost.isEmpty()) {
            LOG.info("Gateway {} is LOST; its devices {} are LOST too", status.gateway(), lost);
        }
        lost.forEach(changes::publish);
    }

    /** Stores a device's link state. */
    void onStatus(DeviceStatus status) {
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
}
