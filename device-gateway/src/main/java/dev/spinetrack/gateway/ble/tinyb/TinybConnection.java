package dev.spinetrack.gateway.ble.tinyb;

import dev.spinetrack.gateway.ble.BleConnection;
import dev.spinetrack.gateway.ble.BleException;
import dev.spinetrack.protocol.gatt.GattProfile;
import tinyb.BluetoothDevice;
import tinyb.BluetoothException;
import tinyb.BluetoothGattCharacteristic;
import tinyb.BluetoothManager;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** One TinyB device link. */
final class TinybConnection implements BleConnection {

    private static final Duration POLL = Duration.ofMillis(10);

    private final BluetoothDevice device;
    private final String address;
    private final Duration servicesTimeout;
    private final AtomicBoolean down = new AtomicBoolean();
    private final BluetoothManager manager;
    /**
     * The device's GATT objects, looked up once after ServicesResolved (see {@link GattLookup}).
     * Holding the characteristics also keeps subscriptions alive: TinyB's Java objects own their
     * native peers and a finalizer deletes them, unhooking any value callback.
     */
    private volatile GattLookup gatt;
    private volatile Consumer<String> onDisconnect = reason -> { };

    TinybConnection(BluetoothManager manager, BluetoothDevice device, Duration servicesTimeout) {
        this.manager = manager;
        this.device = device;
        this.address = device.getAddress();
        this.servicesTimeout = servicesTimeout;
        device.enableConnectedNotifications(connected -> {
            if (!connected) {
                dropped("BlueZ reported the link down");
            }
        });
    }

    @Override
    public String address() {
        return address;
    }

    /** BlueZ negotiates the MTU itself and TinyB does not expose it; frames do not depend on it. */
    @Override
    public int mtu() {
        return GattProfile.DEFAULT_MTU;
    }

    @Override
    public boolean connected() {
        return !down.get() && device.getConnected();
    }

    @Override
    public List<UUID> discoverServices() throws BleException {
        return gatt("discover services on " + address).services();
    }

    @Override
    public byte[] read(UUID service, UUID characteristic) throws BleException {
        BluetoothGattCharacteristic c = characteristic(service, characteristic, "read");
        try {
            return c.readValue();
        } catch (BluetoothException e) {
            throw new BleException("read " + characteristic + " on " + address + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(UUID service, UUID characteristic, byte[] value) throws BleException {
        BluetoothGattCharacteristic c = characteristic(service, characteristic, "write");
        try {
            if (!c.writeValue(value)) {
                throw new BleException("write " + characteristic + " on " + address + " failed: BlueZ refused it");
            }
        } catch (BluetoothException e) {
            throw new BleException("write " + characteristic + " on " + address + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void subscribe(UUID service, UUID characteristic, Consumer<byte[]> onValue) throws BleException {
        BluetoothGattCharacteristic c = characteristic(service, characteristic, "subscribe to");
        try {
            c.enableValueNotifications(onValue::accept);
        } catch (BluetoothException e) {
            throw new BleException("subscribe to " + characteristic + " on " + address + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void onDisconnect(Consumer<String> onReason) {
        this.onDisconnect = onReason;
    }

    @Override
    public void close() {
        try {
            device.disableConnectedNotifications();
            device.disconnect();
        } catch (BluetoothException ignored) {
            // already gone; the callback below still reports the close
        }
        GattLookup g = gatt;
        if (g != null) {
            RetiredObjects.keep(g);
        }
        dropped("closed by the gateway");
    }

    private void dropped(String reason) {
        if (down.compareAndSet(false, true)) {
            onDisconnect.accept(reason);
        }
    }

    /**
     * BlueZ exports a device's GATT objects only after its service discovery, which ends after
     * Connect returned; until ServicesResolved is true, a lookup would find no services.
     */
    private void awaitServicesResolved(String op) throws BleException {
        long deadline = System.nanoTime() + servicesTimeout.toNanos();
        while (!device.getServicesResolved()) {
            if (System.nanoTime() > deadline || !device.getConnected()) {
                throw new BleException(op + " failed: services not resolved within " + servicesTimeout.toMillis()
                        + " ms" + (device.getConnected() ? "" : " (link is down)"));
            }
            TinybCentral.sleep(POLL);
        }
    }

    private BluetoothGattCharacteristic characteristic(UUID service, UUID characteristic, String op)
            throws BleException {
        String what = op + " " + characteristic + " on " + address;
        try {
            return gatt(what).characteristic(service, characteristic, what);
        } catch (BluetoothException | IllegalArgumentException e) {
            throw new BleException(what + " failed: " + e.getMessage(), e);
        }
    }

    private GattLookup gatt(String op) throws BleException {
        GattLookup g = gatt;
        if (g != null) {
            return g;
        }
        synchronized (this) {
            if (gatt == null) {
                awaitServicesResolved(op);
                try {
                    gatt = GattLookup.of(manager, device);
                } catch (BluetoothException | IllegalArgumentException e) {
                    throw new BleException(op + " failed: " + e.getMessage(), e);
                }
            }
            return gatt;
        }
    }
}
