package dev.spinetrack.server.session;

import dev.spinetrack.server.live.DeviceChange;
import dev.spinetrack.server.live.LiveEvent;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.DeviceRow;
import dev.spinetrack.server.storage.DeviceStore;
import jakarta.inject.Singleton;

/**
 * Tells the live feed that a device changed (state, info, owner): a {@code status} event with
 * the device as stored, so a dashboard shows it without asking again. Called after the change
 * committed.
 */
@Singleton
public class DeviceChanges {

    /** Type of the live event. */
    public static final String TYPE = "status";

    private final Database db;
    private final DeviceStore devices;
    private final LiveFeed live;

    public DeviceChanges(Database db, DeviceStore devices, LiveFeed live) {
        this.db = db;
        this.devices = devices;
        this.live = live;
    }

    /** Publishes the device as stored now; nothing when it is unknown. */
    public void publish(String device) {
        db.read(c -> devices.find(c, device)).ifPresent(d -> live.publish(event(d)));
    }

    /** The live event of a stored device. */
    static LiveEvent event(DeviceRow d) {
        return new LiveEvent(TYPE, d.id(), null, new DeviceChange(d.id(), d.ownerId(), d.name(), d.kind(), d.state(),
                d.battery(), d.lastSeen()));
    }
}
