package dev.spinetrack.simulator.bluez;

import dev.spinetrack.simulator.gatt.Advertisement;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual peripherals served as {@code org.bluez} on a D-Bus bus: what a BlueZ client such as
 * TinyB finds on the system bus of a machine with one adapter and these devices in range.
 * <pre>
 * try (BusDaemon bus = BusDaemon.start(dir);
 *      SimulatedBluez bluez = SimulatedBluez.serve(bus.address())) {
 *     sim.peripherals().forEach(bluez::attach);
 *     // DBUS_SYSTEM_BUS_ADDRESS=bus.address() for the client
 * }
 * </pre>
 * A peripheral appears as a {@code Device1} when attached while advertising, or when heard
 * during discovery; one that neither advertises nor is connected for {@code staleAfter}
 * disappears (as BlueZ drops temporary devices). Thread-safe.
 */
public final class SimulatedBluez implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedBluez.class);
    private static final long WATCH_MS = 100;
    /** BlueZ's TemporaryTimeout default. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(30);

    private final DBusConnection connection;
    private final String address;
    private final Duration staleAfter;
    private final AdapterObject adapter;
    private final Map<String, BluezObject> exported = new ConcurrentSkipListMap<>();
    private final Map<String, Entry> attached = new ConcurrentHashMap<>();
    private final AtomicLong notified = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bluez-sim");
        t.setDaemon(true);
        return t;
    });

    /** An attached peripheral and when it was last heard. */
    private static final class Entry {
        final DeviceObject device;
        volatile long lastHeardNanos = System.nanoTime();
        volatile boolean onBus;

        Entry(DeviceObject device) {
            this.device = device;
        }
    }

    private SimulatedBluez(DBusConnection connection, String address, Duration staleAfter) throws DBusException {
        this.connection = connection;
        this.address = address;
        this.staleAfter = staleAfter;
        this.adapter = new AdapterObject(this, this::propertiesChanged);
        connection.exportObject("/", new Root());
        export(List.of(adapter));
        connection.requestBusName(BluezApi.BUS_NAME);
        worker.scheduleWithFixedDelay(this::refresh, WATCH_MS, WATCH_MS, TimeUnit.MILLISECONDS);
    }

    /** Serves an adapter without devices as {@code org.bluez} on the bus at this address. */
    public static SimulatedBluez serve(String busAddress) throws IOException {
        return serve(busAddress, DEFAULT_STALE_AFTER);
    }

    /** As {@link #serve(String)}, dropping devices unheard and unconnected for {@code staleAfter}. */
    public static SimulatedBluez serve(String busAddress, Duration staleAfter) throws IOException {
        Objects.requireNonNull(busAddress, "busAddress");
        DBusConnection c = null;
        try {
            c = DBusConnectionBuilder.forAddress(busAddress).withShared(false).build();
            SimulatedBluez b = new SimulatedBluez(c, busAddress, staleAfter);
            LOG.info("bluez serving org.bluez with adapter {} on {}", AdapterObject.PATH, busAddress);
            return b;
        } catch (DBusException e) {
            if (c != null) {
                c.disconnect();
            }
            throw new IOException("cannot serve org.bluez on " + busAddress + ": " + e.getMessage(), e);
        }
    }

    /** The bus this serves on, as {@code DBUS_SYSTEM_BUS_ADDRESS} names it. */
    public String busAddress() {
        return address;
    }

    /** Puts a peripheral in range of the adapter (on the bus at once when it advertises). */
    public void attach(VirtualPeripheral peripheral) {
        DeviceObject d = new DeviceObject(this, peripheral, this::propertiesChanged);
        Entry e = new Entry(d);
        if (attached.putIfAbsent(d.address(), e) != null) {
            throw new IllegalArgumentException("a peripheral with address " + d.address() + " is already attached");
        }
        if (peripheral.advertising()) {
            addToBus(e);
        }
    }

    /** Takes a peripheral out of range: its link drops and its device object goes. */
    public void detach(String deviceAddress) {
        Entry e = attached.remove(deviceAddress.toUpperCase(java.util.Locale.ROOT));
        if (e != null) {
            e.device.Disconnect();
            removeFromBus(e);
        }
    }

    /** Notifications and indications sent as {@code Value} changes so far. */
    public long notificationsSent() {
        return notified.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        worker.shutdownNow();
        for (Entry e : attached.values()) {
            e.device.Disconnect();
        }
        try {
            connection.releaseBusName(BluezApi.BUS_NAME);
        } catch (DBusException | RuntimeException e) {
            LOG.debug("bluez could not release {} on close: {}", BluezApi.BUS_NAME, e.getMessage());
        }
        connection.disconnect();
        LOG.info("bluez stopped serving on {}", address);
    }

    // --- for the objects -------------------------------------------------------------------

    AtomicLong notifiedCounter() {
        return notified;
    }

    void later(Runnable task) {
        worker.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("bluez task failed: {}", e.toString());
            }
        });
    }

    /** Exports objects, then announces each with {@code InterfacesAdded} (clients may then call them). */
    void export(List<BluezObject> objects) {
        for (BluezObject o : objects) {
            try {
                connection.exportObject(o.getObjectPath(), o);
                exported.put(o.getObjectPath(), o);
                send(new ObjectManager.InterfacesAdded("/", new DBusPath(o.getObjectPath()),
                        Map.of(o.iface(), o.snapshot())));
            } catch (DBusException e) {
                throw new IllegalStateException("cannot export " + o.getObjectPath() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Announces {@code InterfacesRemoved} for objects (children first) and stops serving them. */
    void unexport(List<BluezObject> objects) {
        for (int i = objects.size() - 1; i >= 0; i--) {
            BluezObject o = objects.get(i);
            if (exported.remove(o.getObjectPath()) != null) {
                try {
                    send(new ObjectManager.InterfacesRemoved("/", new DBusPath(o.getObjectPath()), List.of(o.iface())));
                } catch (DBusException e) {
                    LOG.warn("bluez could not announce the removal of {}: {}", o.getObjectPath(), e.getMessage());
                }
                connection.unExportObject(o.getObjectPath());
            }
        }
    }

    /** Adapter1.RemoveDevice: false when no such device is on the bus. */
    boolean remove(String devicePath) {
        for (Entry e : attached.values()) {
            if (e.device.getObjectPath().equals(devicePath) && e.onBus) {
                e.device.Disconnect();
                removeFromBus(e);
                return true;
            }
        }
        return false;
    }

    /** Watches advertising: adds devices heard while discovering, updates RSSI, drops stale ones. */
    void refresh() {
        boolean discovering = adapter.discovering();
        long now = System.nanoTime();
        for (Entry e : attached.values()) {
            VirtualPeripheral p = e.device.peripheral();
            boolean advertising = p.advertising();
            if (advertising) {
                e.lastHeardNanos = now;
                if (!e.onBus && discovering) {
                    addToBus(e);
                } else if (e.onBus && discovering) {
                    Advertisement ad = p.advertisement();
                    e.device.heard(ad);
                }
            } else if (e.onBus && !e.device.connected() && now - e.lastHeardNanos > staleAfter.toNanos()) {
                LOG.info("bluez device {} not heard for {} s: removed", e.device.address(), staleAfter.toSeconds());
                removeFromBus(e);
            }
        }
    }

    private synchronized void addToBus(Entry e) {
        if (!e.onBus) {
            e.onBus = true;
            export(List.of(e.device));
        }
    }

    private synchronized void removeFromBus(Entry e) {
        if (e.onBus) {
            e.onBus = false;
            unexport(List.of(e.device));
        }
    }

    private void propertiesChanged(String path, String iface, Map<String, Variant<?>> changed) {
        if (!exported.containsKey(path)) {
            return; // not announced yet: its properties travel with InterfacesAdded
        }
        try {
            send(new Properties.PropertiesChanged(path, iface, changed, List.of()));
        } catch (DBusException e) {
            LOG.warn("bluez could not signal {} on {}: {}", changed.keySet(), path, e.getMessage());
        }
    }

    private void send(DBusSignal signal) {
        if (closed.get()) {
            return; // devices powering off after the bus was left have no one to tell
        }
        try {
            connection.sendMessage(signal);
        } catch (RuntimeException e) {
            LOG.warn("bluez could not send {} on {}: {}", signal.getName(), signal.getPath(), e.getMessage());
        }
    }

    /** {@code /}: BlueZ's object manager. */
    private final class Root implements ObjectManager {
        @Override
        public Map<DBusPath, Map<String, Map<String, Variant<?>>>> GetManagedObjects() {
            Map<DBusPath, Map<String, Map<String, Variant<?>>>> out = new LinkedHashMap<>();
            for (BluezObject o : exported.values()) {
                out.put(new DBusPath(o.getObjectPath()), Map.of(o.iface(), o.snapshot()));
            }
            return out;
        }

        @Override
        public String getObjectPath() {
            return "/";
        }
    }
}
