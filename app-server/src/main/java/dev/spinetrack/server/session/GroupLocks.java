package dev.spinetrack.server.session;

import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.DeviceRow;
import dev.spinetrack.server.storage.DeviceStore;
import dev.spinetrack.server.storage.SampleStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Takes the devices of an ingest group for its transaction: their rows locked in id order (so
 * two instances storing groups of the same devices cannot deadlock), devices seen for the first
 * time created, and for each the track to use and the highest position stored. On PostgreSQL
 * every statement is a round trip, so the group's devices are locked, and their highest stored
 * positions looked up, with one statement each instead of one per device.
 */
final class GroupLocks {

    private final Database db;
    private final DeviceStore devices;
    private final SampleStore samples;
    private final DeviceTracks tracks;

    GroupLocks(Database db, DeviceStore devices, SampleStore samples, DeviceTracks tracks) {
        this.db = db;
        this.devices = devices;
        this.samples = samples;
        this.tracks = tracks;
    }

    /**
     * The tracks of the group's devices for this transaction, by device; a device without a row
     * whose gateway has no owner is left out (its batches are refused).
     *
     * @param gateways device -> the gateway that brought it, sorted by device
     * @param owners   gateway -> its owner
     */
    Map<String, DeviceTrack> lock(Connection c, NavigableMap<String, String> gateways,
                                  Map<String, Optional<String>> owners) throws SQLException {
        Map<String, DeviceTrack> locked = lockExisting(c, List.copyOf(gateways.navigableKeySet()));
        if (locked.size() < gateways.size()) {
            // a device seen for the first time: created and locked in id order with the others
            locked = lockCreating(c, gateways, owners);
        }
        knowStoredHigh(c, locked.values());
        return locked;
    }

    /** {@link DeviceTracks#locked} for all the devices at once; devices without a row are left out. */
    private Map<String, DeviceTrack> lockExisting(Connection c, List<String> sorted) throws SQLException {
        Map<String, DeviceTrack> out = new HashMap<>();
        boolean sole = db.soleWriter(c);
        List<String> toLock = new ArrayList<>();
        for (String id : sorted) {
            DeviceTrack held = tracks.held(id);
            if (held != null && sole) {
                out.put(id, held); // no other writer: the row lock would guard nothing (see DeviceTracks#locked)
            } else {
                toLock.add(id);
            }
        }
        if (toLock.isEmpty()) {
            return out;
        }
        for (DeviceRow row : devices.lockAll(c, toLock)) {
            DeviceTrack t = tracks.forLockedRow(c, row);
            if (!sole) {
                t.storedHigh = Long.MAX_VALUE; // another instance may have stored samples since: knowStoredHigh
            }
            out.put(row.id(), t);
        }
        return out;
    }

    private Map<String, DeviceTrack> lockCreating(Connection c, Map<String, String> gateways,
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

    /**
     * Where another instance may store a device's samples, the highest it stored is not known in
     * memory, but it cannot change while this transaction holds the device's row lock (every
     * store of samples takes it first): looked up once for the group's devices, it spares each
     * batch arriving in order its duplicate probe.
     */
    private void knowStoredHigh(Connection c, Collection<DeviceTrack> locked) throws SQLException {
        List<String> unknown = new ArrayList<>();
        for (DeviceTrack t : locked) {
            if (t.storedHigh == Long.MAX_VALUE) {
                unknown.add(t.id);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, Long> highs = samples.highestSeqs(c, unknown);
        for (DeviceTrack t : locked) {
            Long high = highs.get(t.id);
            if (t.storedHigh == Long.MAX_VALUE && high != null) {
                t.storedHigh = high < 0 ? Long.MIN_VALUE : high;
            }
        }
    }
}
