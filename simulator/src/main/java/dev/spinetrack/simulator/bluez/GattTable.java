package dev.spinetrack.simulator.bluez;

import dev.spinetrack.protocol.gatt.GattProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The GATT database a SpineTrack peripheral exposes, laid out in attribute handles the way a
 * BlueZ client sees them (object paths {@code serviceXXXX/charYYYY} carry the handles).
 */
final class GattTable {

    /** One characteristic: its UUID, BlueZ flags and value handle. */
    record Characteristic(UUID uuid, List<String> flags, int handle) {
    }

    /** One primary service: its UUID, start handle and characteristics. */
    record Service(UUID uuid, int handle, List<Characteristic> characteristics) {
    }

    private GattTable() {
    }

    /** The services behind the advertised service UUIDs (the ones the profile defines). */
    static List<Service> of(List<UUID> advertised) {
        List<Service> out = new ArrayList<>();
        int handle = 0x000a; // after the GAP and GATT services every peripheral has
        for (UUID s : advertised) {
            List<Characteristic> chars = new ArrayList<>();
            int start = handle++;
            if (s.equals(GattProfile.SERVICE)) {
                chars.add(new Characteristic(GattProfile.CAPABILITIES, List.of("read"), handle));
                handle += 2;
                chars.add(new Characteristic(GattProfile.SAMPLE_STREAM, List.of("notify"), handle));
                handle += 3; // declaration, value, client characteristic configuration
                chars.add(new Characteristic(GattProfile.CONTROL_POINT, List.of("write", "indicate"), handle));
                handle += 3;
            } else if (s.equals(GattProfile.BATTERY_SERVICE)) {
                chars.add(new Characteristic(GattProfile.BATTERY_LEVEL, List.of("read", "notify"), handle));
                handle += 3;
            }
            out.add(new Service(s, start, List.copyOf(chars)));
        }
        return out;
    }
}
