package dev.spinetrack.simulator.bluez;

import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.SimulationOptions;
import dev.spinetrack.simulator.gatt.GattLink;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The BlueZ stand-in seen by a plain D-Bus client (not TinyB: the gateway's tests cover that),
 * checked against BlueZ's documented object tree and the virtual peripheral behind it.
 */
class SimulatedBluezTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private BusDaemon bus;
    private SimulatedBluez bluez;
    private Simulation sim;
    private DBusConnection client;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(BusDaemon.unavailable().isEmpty(), () -> "skipped: " + BusDaemon.unavailable().orElse(""));
        bus = BusDaemon.start(dir.resolve("bus"));
        bluez = SimulatedBluez.serve(bus.address());
        sim = Simulation.start(new SimulationOptions("load:2x50x60s", 3, 1, false, ""));
        sim.peripherals().forEach(bluez::attach);
        client = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.disconnect();
        }
        if (sim != null) {
            sim.close();
        }
        if (bluez != null) {
            bluez.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void objectTreeHasTheAdapterAndOneDevicePerPeripheral() throws Exception {
        Map<String, Map<String, Map<String, Variant<?>>>> tree = managedObjects();
        assertEquals(Boolean.TRUE, tree.get("/org/bluez/hci0").get("org.bluez.Adapter1").get("Powered").getValue());
        for (VirtualPeripheral p : sim.peripherals()) {
            String address = p.advertisement().address();
            Map<String, Variant<?>> dev = tree.get("/org/bluez/hci0/dev_" + address.replace(':', '_')).get("org.bluez.Device1");
            assertEquals(address, dev.get("Address").getValue());
            assertEquals(p.advertisement().name(), dev.get("Name").getValue());
            assertEquals("n", dev.get("RSSI").getSig(), "RSSI is an int16");
            assertEquals(Boolean.FALSE, dev.get("Connected").getValue());
            assertEquals("/org/bluez/hci0", ((DBusPath) dev.get("Adapter").getValue()).getPath());
        }
        assertEquals(1 + sim.peripherals().size(), tree.size(), "no GATT objects before a connection: " + tree.keySet());
    }

    @Test
    void connectResolvesServicesAndReadsTheCapabilityRecordOfThePeripheral() throws Exception {
        VirtualPeripheral p = sim.peripherals().get(0);
        String device = DeviceObject.pathOf(p.advertisement().address());
        client.getRemoteObject(BluezApi.BUS_NAME, device, BluezApi.Device1.class).Connect();
        awaitTrue(() -> Boolean.TRUE.equals(property(device, BluezApi.DEVICE, "ServicesResolved")));
        assertEquals(Boolean.TRUE, property(device, BluezApi.DEVICE, "Connected"));

        Map<String, Map<String, Map<String, Variant<?>>>> tree = managedObjects();
        String caps = characteristicPath(tree, device, GattProfile.CAPABILITIES);
        byte[] read = client.getRemoteObject(BluezApi.BUS_NAME, caps, BluezApi.GattCharacteristic1.class).ReadValue(Map.of());
        Set<String> uuids = tree.values().stream().filter(i -> i.containsKey(BluezApi.GATT_SERVICE))
                .map(i -> (String) i.get(BluezApi.GATT_SERVICE).get("UUID").getValue()).collect(Collectors.toSet());
        assertEquals(Set.of(GattProfile.SERVICE.toString(), GattProfile.BATTERY_SERVICE.toString()), uuids);
        String stream = characteristicPath(tree, device, GattProfile.SAMPLE_STREAM);
        assertEquals(List.of("notify"), tree.get(stream).get(BluezApi.GATT_CHARACTERISTIC).get("Flags").getValue());
        DBusExecutionException refused = assertThrows(DBusExecutionException.class,
                () -> client.getRemoteObject(BluezApi.BUS_NAME, stream, BluezApi.GattCharacteristic1.class).ReadValue(Map.of()));
        assertTrue(refused.getMessage().contains("Read not permitted"), refused.getMessage());

        // the same record as the peripheral gives a direct link
        client.getRemoteObject(BluezApi.BUS_NAME, device, BluezApi.Device1.class).Disconnect();
        awaitTrue(p::advertising);
        try (GattLink direct = p.connect(GattProfile.MAX_MTU)) {
            assertArrayEquals(direct.read(GattProfile.SERVICE, GattProfile.CAPABILITIES), read);
        }
    }

    @Test
    void disconnectAndPowerOffShowAsConnectedFalseAndTheGattObjectsGo() throws Exception {
        VirtualPeripheral p = sim.peripherals().get(0);
        String device = DeviceObject.pathOf(p.advertisement().address());
        BluezApi.Device1 d = client.getRemoteObject(BluezApi.BUS_NAME, device, BluezApi.Device1.class);
        d.Connect();
        awaitTrue(() -> Boolean.TRUE.equals(property(device, BluezApi.DEVICE, "ServicesResolved")));
        d.Disconnect();
        assertEquals(Boolean.FALSE, property(device, BluezApi.DEVICE, "Connected"));
        assertEquals(1 + sim.peripherals().size(), managedObjects().size(), "GATT objects removed");

        awaitTrue(p::advertising); // advertises again after its link is gone
        d.Connect();
        awaitTrue(() -> Boolean.TRUE.equals(property(device, BluezApi.DEVICE, "ServicesResolved")));
        sim.close(); // the devices power off
        awaitTrue(() -> Boolean.FALSE.equals(property(device, BluezApi.DEVICE, "Connected")));
        DBusExecutionException e = assertThrows(DBusExecutionException.class, d::Connect);
        assertTrue(e.getMessage().contains("le-connection-abort-by-local"), e.getMessage());
    }

    private Object property(String path, String iface, String name) {
        try {
            Object v = client.getRemoteObject(BluezApi.BUS_NAME, path, Properties.class).Get(iface, name);
            return v instanceof Variant<?> var ? var.getValue() : v;
        } catch (org.freedesktop.dbus.exceptions.DBusException e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, Map<String, Map<String, Variant<?>>>> managedObjects() throws Exception {
        ObjectManager om = client.getRemoteObject(BluezApi.BUS_NAME, "/", ObjectManager.class);
        return om.GetManagedObjects().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().getPath(), Map.Entry::getValue));
    }

    private static String characteristicPath(Map<String, Map<String, Map<String, Variant<?>>>> tree, String device,
                                             UUID uuid) {
        return tree.entrySet().stream()
                .filter(e -> e.getKey().startsWith(device + "/") && e.getValue().containsKey(BluezApi.GATT_CHARACTERISTIC)
                        && uuid.toString().equals(e.getValue().get(BluezApi.GATT_CHARACTERISTIC).get("UUID").getValue()))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no characteristic " + uuid));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
