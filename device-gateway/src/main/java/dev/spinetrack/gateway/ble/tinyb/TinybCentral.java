package dev.spinetrack.gateway.ble.tinyb;

import dev.spinetrack.gateway.ble.BleAdvertisement;
import dev.spinetrack.gateway.ble.BleCentral;
import dev.spinetrack.gateway.ble.BleConnection;
import dev.spinetrack.gateway.ble.BleException;
import tinyb.BluetoothDevice;
import tinyb.BluetoothException;
import tinyb.BluetoothManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A central on the machine's BlueZ adapter through TinyB. */
public final class TinybCentral implements BleCentral {

    private final BluetoothManager manager;
    private final Duration servicesTimeout;

    /** A central over this manager (a mocked one in tests). */
    public TinybCentral(BluetoothManager manager, Duration servicesTimeout) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.servicesTimeout = Objects.requireNonNull(servicesTimeout, "servicesTimeout");
    }

    /**
     * The central on this machine's adapter.
     *
     * @throws dev.spinetrack.gateway.ble.BleUnavailableException with what to check when there is none
     */
    public static TinybCentral open() {
        return new TinybCentral(TinybNatives.manager(), Duration.ofSeconds(10));
    }

    @Override
    public List<BleAdvertisement> scan(Duration window) throws BleException {
        try {
            manager.startDiscovery();
            sleep(window);
            List<BleAdvertisement> heard = new ArrayList<>();
            for (BluetoothDevice d : manager.getDevices()) {
                List<UUID> services = new ArrayList<>();
                String[] uuids = d.getUUIDs();
                if (uuids != null) {
                    for (String u : uuids) {
                        services.add(UUID.fromString(u));
                    }
                }
                heard.add(new BleAdvertisement(d.getAddress(), d.getName(), d.getRSSI(), services));
            }
            return heard;
        } catch (BluetoothException | IllegalArgumentException e) {
            throw new BleException("scan failed: " + e.getMessage(), e);
        } finally {
            try {
                manager.stopDiscovery();
            } catch (BluetoothException ignored) {
                // discovery may already be off; nothing to undo
            }
        }
    }

    @Override
    public BleConnection connect(String address, int requestedMtu) throws BleException {
        BluetoothDevice device = null;
        for (BluetoothDevice d : manager.getDevices()) {
            if (address.equalsIgnoreCase(d.getAddress())) {
                device = d;
            }
        }
        if (device == null) {
            throw new BleException("connect to " + address + " failed: BlueZ does not know this device (not scanned yet?)");
        }
        try {
            if (!device.connect()) {
                throw new BleException("connect to " + address + " failed: BlueZ refused the connection");
            }
            awaitConnected(device, address);
        } catch (BluetoothException e) {
            throw new BleException("connect to " + address + " failed: " + e.getMessage(), e);
        }
        return new TinybConnection(manager, device, servicesTimeout);
    }

    /**
     * Connect() returns on the caller's thread while the Connected property reaches TinyB's
     * cache through GLib's main loop, so the property may still read false for a moment.
     */
    private void awaitConnected(BluetoothDevice device, String address) throws BleException {
        long deadline = System.nanoTime() + servicesTimeout.toNanos();
        while (!device.getConnected()) {
            if (System.nanoTime() > deadline) {
                throw new BleException("connect to " + address + " failed: BlueZ did not report the link up within "
                        + servicesTimeout.toMillis() + " ms");
            }
            sleep(Duration.ofMillis(10));
        }
    }

    @Override
    public void close() {
        // the BlueZ manager is process-wide; nothing to release
    }

    static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
