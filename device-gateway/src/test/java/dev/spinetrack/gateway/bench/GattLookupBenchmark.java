package dev.spinetrack.gateway.bench;

import dev.spinetrack.gateway.ble.BleConnection;
import dev.spinetrack.gateway.ble.tinyb.TinybCentral;
import dev.spinetrack.gateway.testing.BluezBus;
import dev.spinetrack.gateway.testing.HandPeripheral;
import dev.spinetrack.protocol.gatt.GattProfile;
import tinyb.BluetoothDevice;
import tinyb.BluetoothGattCharacteristic;
import tinyb.BluetoothGattService;
import tinyb.BluetoothManager;
import tinyb.BluetoothObject;
import tinyb.BluetoothType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What finding one device's GATT objects costs through TinyB while N devices are connected to
 * the simulated BlueZ, for each way TinyB offers: the device's {@code getServices()} and each
 * service's {@code getCharacteristics()} (what the adapter did before), {@code find(uuid)} on
 * device and service, the manager's {@code getServices()}, and the manager's
 * {@code getObjects(type, null, null, null)}. Not a test; run it by hand (see docs/bluez.md):
 * <pre>
 * mkdir -p /tmp/st-bench &amp;&amp; DBUS_SYSTEM_BUS_ADDRESS=unix:path=/tmp/st-bench/system_bus_socket java -cp ... \
 *   dev.spinetrack.gateway.bench.GattLookupBenchmark 10 50 100
 * </pre>
 * Arguments: the device counts to measure at, ascending.
 */
public final class GattLookupBenchmark {

    /** The characteristics of the test peripheral's SpineTrack service. */
    private static final List<UUID> NEEDED = List.of(GattProfile.CAPABILITIES, GattProfile.CONTROL_POINT,
            GattProfile.SAMPLE_STREAM);
    /** TinyB's find waits forever for a zero timeout; the objects exist, so any short wait will do. */
    private static final Duration FIND_WAIT = Duration.ofMillis(1);

    private GattLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BluezBus.unavailable().ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        BluezBus bus = BluezBus.shared();
        BluetoothManager manager = tinybManager();
        TinybCentral central = bus.central();
        List<BleConnection> links = new ArrayList<>();
        int connected = 0;
        for (String a : args) {
            int n = Integer.parseInt(a);
            while (connected < n) {
                String address = String.format("C0:FF:EE:01:%02X:%02X", connected >> 8, connected & 0xff);
                bus.bluez().attach(new HandPeripheral(address, "lookup-" + connected, -50));
                bus.awaitKnown(address, true);
                BleConnection c = central.connect(address, GattProfile.MAX_MTU);
                c.discoverServices();
                links.add(c);
                connected++;
            }
            BluetoothDevice last = device(manager, links.get(links.size() - 1).address());
            System.out.printf("%d devices connected (%d GATT services, %d characteristics on the bus):%n", n,
                    manager.getServices().size(), 5 * n);
            time("  device.getServices() + getCharacteristics() of each", () -> walk(last));
            time("  device.find(service) + service.find(uuid) x4        ", () -> find(last));
            time("  manager.getServices() (no characteristics)         ", () -> manager.getServices().size());
            time("  manager.getServices() by path + getCharacteristics()", () -> byPath(manager, last));
            time("  manager.getObjects(GATT_SERVICE, all)              ", () -> objects(manager, BluetoothType.GATT_SERVICE));
            time("  manager.getObjects(GATT_CHARACTERISTIC, all)       ",
                    () -> objects(manager, BluetoothType.GATT_CHARACTERISTIC));
        }
        for (BleConnection c : links) {
            c.close();
        }
        System.exit(0);
    }

    private static BluetoothManager tinybManager() {
        return dev.spinetrack.gateway.ble.tinyb.TinybNatives.manager();
    }

    private static BluetoothDevice device(BluetoothManager manager, String address) {
        for (BluetoothDevice d : manager.getDevices()) {
            if (d.getAddress().equalsIgnoreCase(address)) {
                return d;
            }
        }
        throw new IllegalStateException(address + " unknown");
    }

    private static int walk(BluetoothDevice d) {
        int found = 0;
        for (BluetoothGattService s : d.getServices()) {
            found += s.getCharacteristics().size();
        }
        return found;
    }

    private static int find(BluetoothDevice d) {
        BluetoothGattService s = d.find(GattProfile.SERVICE.toString(), FIND_WAIT);
        int found = 0;
        for (UUID u : NEEDED) {
            BluetoothGattCharacteristic c = s.find(u.toString(), FIND_WAIT);
            found += c == null ? 0 : 1;
        }
        return found;
    }

    /** What the adapter does (GattLookup): services from the manager by object path, one characteristic walk. */
    private static int byPath(BluetoothManager manager, BluetoothDevice d) {
        String under = path(d) + "/";
        int found = 0;
        for (BluetoothGattService s : manager.getServices()) {
            if (path(s).startsWith(under) && s.getUUID().equalsIgnoreCase(GattProfile.SERVICE.toString())) {
                found += s.getCharacteristics().size();
            }
        }
        return found;
    }

    private static String path(BluetoothObject o) {
        try {
            java.lang.reflect.Method m = BluetoothObject.class.getDeclaredMethod("getObjectPath");
            m.setAccessible(true);
            return (String) m.invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int objects(BluetoothManager manager, BluetoothType type) {
        List<BluetoothObject> all = manager.getObjects(type, null, null, null);
        int n = all.size();
        all.forEach(BluetoothObject::close);
        return n;
    }

    private static void time(String what, Supplier<Integer> lookup) {
        try {
            lookup.get();
            int reps = 5;
            long t0 = System.nanoTime();
            int found = 0;
            for (int i = 0; i < reps; i++) {
                found = lookup.get();
            }
            System.out.printf("%s %8.2f ms (found %d)%n", what, (System.nanoTime() - t0) / 1e6 / reps, found);
        } catch (RuntimeException | LinkageError e) {
            System.out.printf("%s fails: %s%n", what, e);
        }
    }
}
