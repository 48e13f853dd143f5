package dev.spinetrack.gateway.testing;

import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.simulator.gatt.Advertisement;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.GattLink;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A virtual peripheral a test moves by hand: it serves {@link ScriptedPeripheral#RACK} as its
 * capability record, records control-point writes, and notifies and drops its link on request.
 */
public final class HandPeripheral implements VirtualPeripheral, GattLink {

    private final Advertisement advertisement;
    /** Values written to the control point so far. */
    public final List<byte[]> writes = new CopyOnWriteArrayList<>();
    private volatile Consumer<byte[]> stream = v -> { };
    private volatile Consumer<String> onDisconnect = r -> { };
    private volatile boolean up;

    /** A peripheral advertising the SpineTrack service only. */
    public HandPeripheral(String address, String name, int rssi) {
        this.advertisement = new Advertisement(address, name, rssi, List.of(GattProfile.SERVICE));
    }

    /** Sends a sample-stream notification to the subscriber. */
    public void notifySample(byte[] value) {
        stream.accept(value);
    }

    @Override
    public Advertisement advertisement() {
        return advertisement;
    }

    @Override
    public boolean advertising() {
        return !up;
    }

    @Override
    public GattLink connect(int requestedMtu) throws GattException {
        if (up) {
            throw new GattException("already connected");
        }
        up = true;
        return this;
    }

    @Override
    public int mtu() {
        return GattProfile.MAX_MTU;
    }

    @Override
    public boolean connected() {
        return up;
    }

    @Override
    public byte[] read(UUID service, UUID characteristic) throws GattException {
        if (characteristic.equals(GattProfile.CAPABILITIES)) {
            return CapabilitiesCodec.encode(ScriptedPeripheral.RACK);
        }
        throw new GattException("no characteristic " + characteristic);
    }

    @Override
    public void write(UUID service, UUID characteristic, byte[] value) {
        writes.add(value.clone());
    }

    @Override
    public void subscribe(UUID service, UUID characteristic, Consumer<byte[]> onValue) {
        stream = onValue;
    }

    @Override
    public void onDisconnect(Consumer<String> onReason) {
        onDisconnect = onReason;
    }

    /** Drops the link, as when the peripheral goes out of range. */
    public void drop() {
        if (up) {
            up = false;
            onDisconnect.accept("peripheral went out of range");
        }
    }

    @Override
    public void close() {
        drop();
    }
}
