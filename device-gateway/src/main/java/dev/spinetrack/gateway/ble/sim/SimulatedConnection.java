package dev.spinetrack.gateway.ble.sim;

import dev.spinetrack.gateway.ble.BleConnection;
import dev.spinetrack.gateway.ble.BleException;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.GattLink;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** A {@link GattLink} seen through the central port. */
final class SimulatedConnection implements BleConnection {

    private final String address;
    private final List<UUID> services;
    private final GattLink link;

    SimulatedConnection(String address, List<UUID> services, GattLink link) {
        this.address = address;
        this.services = List.copyOf(services);
        this.link = link;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public int mtu() {
        return link.mtu();
    }

    @Override
    public boolean connected() {
        return link.connected();
    }

    /** The virtual GATT has no discovery procedure; its services are the advertised ones. */
    @Override
    public List<UUID> discoverServices() throws BleException {
        requireConnected("discover services");
        return services;
    }

    @Override
    public byte[] read(UUID service, UUID characteristic) throws BleException {
        try {
            return link.read(service, characteristic);
        } catch (GattException e) {
            throw failure("read " + characteristic, e);
        }
    }

    @Override
    public void write(UUID service, UUID characteristic, byte[] value) throws BleException {
        try {
            link.write(service, characteristic, value);
        } catch (GattException e) {
            throw failure("write " + characteristic, e);
        }
    }

    @Override
    public void subscribe(UUID service, UUID characteristic, Consumer<byte[]> onValue) throws BleException {
        try {
            link.subscribe(service, characteristic, onValue);
        } catch (GattException e) {
            throw failure("subscribe to " + characteristic, e);
        }
    }

    @Override
    public void onDisconnect(Consumer<String> onReason) {
        link.onDisconnect(onReason);
    }

    @Override
    public void close() {
        link.close();
    }

    private void requireConnected(String what) throws BleException {
        if (!link.connected()) {
            throw new BleException(what + " on " + address + " failed: not connected");
        }
    }

    private BleException failure(String what, GattException e) {
        return new BleException(what + " on " + address + " failed: " + e.getMessage(), e);
    }
}
