package dev.spinetrack.gateway.ble.tinyb;

import dev.spinetrack.gateway.ble.BleException;
import tinyb.BluetoothDevice;
import tinyb.BluetoothGattCharacteristic;
import tinyb.BluetoothGattService;
import tinyb.BluetoothManager;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One device's GATT objects, found with as few D-Bus round trips as TinyB 0.5 allows.
 *
 * <p>TinyB answers every lookup by walking all objects BlueZ exports, from its local GDBus
 * object cache; what costs is how it checks an object's parent. {@code device.getServices()},
 * {@code service.getCharacteristics()} and {@code find(uuid)} build a fresh D-Bus proxy of each
 * candidate's parent (a synchronous round trip, with {@code find} only for candidates of the
 * right UUID) just to compare paths, so with n devices connected they cost O(n) round trips.
 * {@code manager.getServices()} checks nothing and stays local, and
 * {@code manager.getObjects(...)} would too but cannot create its Java objects (TinyB 0.5 tries
 * to instantiate the abstract {@code BluetoothObject}). So services come from
 * {@code manager.getServices()}, kept when their object path lies under the device's; the
 * characteristics of a service come from one {@code getCharacteristics()} walk, only for a
 * service the gateway uses, on first use. Before: {@code device.getServices()} and
 * {@code getCharacteristics()} of every service, about 10n round trips per connect with the
 * simulated GATT table (2 services, 4 characteristics); now about 4n (docs/benchmarks.md, fourth round).
 */
final class GattLookup {

    private final Map<UUID, BluetoothGattService> services;
    private final Map<UUID, Map<UUID, BluetoothGattCharacteristic>> characteristics = new HashMap<>();

    private GattLookup(Map<UUID, BluetoothGattService> services) {
        this.services = services;
    }

    /** The services BlueZ exports under this device (call after ServicesResolved). */
    static GattLookup of(BluetoothManager manager, BluetoothDevice device) {
        String under = ObjectPaths.of(device) + "/";
        Map<UUID, BluetoothGattService> mine = new LinkedHashMap<>();
        for (BluetoothGattService s : manager.getServices()) {
            if (ObjectPaths.of(s).startsWith(under)) {
                mine.put(UUID.fromString(s.getUUID()), s);
            } else {
                s.close(); // another device's: free its native peer now rather than in a finalizer
            }
        }
        return new GattLookup(mine);
    }

    /** The device's service UUIDs. */
    List<UUID> services() {
        return List.copyOf(services.keySet());
    }

    /**
     * A characteristic of one of the device's services; the first use of a service walks its
     * characteristics once.
     *
     * @param what the operation, for error messages
     */
    synchronized BluetoothGattCharacteristic characteristic(UUID service, UUID characteristic, String what)
            throws BleException {
        BluetoothGattService s = services.get(service);
        if (s == null) {
            throw new BleException(what + " failed: no service " + service);
        }
        Map<UUID, BluetoothGattCharacteristic> chars = characteristics.get(service);
        if (chars == null) {
            chars = new HashMap<>();
            for (BluetoothGattCharacteristic c : s.getCharacteristics()) {
                chars.put(UUID.fromString(c.getUUID()), c);
            }
            characteristics.put(service, chars);
        }
        BluetoothGattCharacteristic c = chars.get(characteristic);
        if (c == null) {
            throw new BleException(what + " failed: service " + service + " has no such characteristic");
        }
        return c;
    }
}
