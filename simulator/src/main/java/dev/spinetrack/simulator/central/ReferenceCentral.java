package dev.spinetrack.simulator.central;

import dev.spinetrack.protocol.DecodeResult;
import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.ControlResult;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.GattLink;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The least a central does with a SpineTrack device, used by the playback and the CLI:
 * connect at an MTU, read the capabilities, subscribe, SET_TIME, START_STREAM, and connect
 * again when the link drops. It records every notification with the clock base in force.
 */
public final class ReferenceCentral {

    /**
     * One sample-stream notification as received.
     *
     * @param virtualMs   scenario time it arrived
     * @param clockBase   epoch ms of the SET_TIME in force, which the frames' timestamps count from
     * @param value       the notification bytes
     */
    public record Received(long virtualMs, long clockBase, byte[] value) {
    }

    private final VirtualPeripheral peripheral;
    private final int mtu;
    private final LongSupplier virtualNow;
    private final LongSupplier epochNow;
    private final List<Received> received = new ArrayList<>();
    private final List<ControlResult> results = new ArrayList<>();
    private final List<String> disconnects = new ArrayList<>();
    private volatile GattLink link;
    private DeviceCapabilities capabilities;
    private long clockBase;
    private int batteryLevel = -1;

    /**
     * @param peripheral the device
     * @param mtu        MTU to request
     * @param virtualNow scenario time, ms
     * @param epochNow   the epoch ms to send with SET_TIME
     */
    public ReferenceCentral(VirtualPeripheral peripheral, int mtu, LongSupplier virtualNow, LongSupplier epochNow) {
        this.peripheral = peripheral;
        this.mtu = mtu;
        this.virtualNow = virtualNow;
        this.epochNow = epochNow;
    }

    /** Connects and starts the stream when not connected and the device advertises; true when connected. */
    public boolean ensureConnected() throws GattException {
        GattLink l = link;
        if (l != null && l.connected()) {
            return true;
        }
        if (!peripheral.advertising()) {
            return false;
        }
        GattLink fresh = peripheral.connect(mtu);
        capabilities = CapabilitiesCodec.decode(fresh.read(GattProfile.SERVICE, GattProfile.CAPABILITIES)).orThrow();
        batteryLevel = fresh.read(GattProfile.BATTERY_SERVICE, GattProfile.BATTERY_LEVEL)[0] & 0xFF;
        fresh.onDisconnect(this::disconnected);
        fresh.subscribe(GattProfile.SERVICE, GattProfile.CONTROL_POINT, this::result);
        fresh.subscribe(GattProfile.BATTERY_SERVICE, GattProfile.BATTERY_LEVEL, v -> batteryLevel = v[0] & 0xFF);
        fresh.subscribe(GattProfile.SERVICE, GattProfile.SAMPLE_STREAM, this::sample);
        long base = epochNow.getAsLong();
        synchronized (this) {
            clockBase = base;
        }
        link = fresh;
        fresh.write(GattProfile.SERVICE, GattProfile.CONTROL_POINT, ControlCodec.encode(new ControlCommand.SetTime(base)));
        fresh.write(GattProfile.SERVICE, GattProfile.CONTROL_POINT, ControlCodec.encode(new ControlCommand.StartStream()));
        return true;
    }

    /** Closes the link. */
    public void close() {
        GattLink l = link;
        if (l != null) {
            l.close();
        }
    }

    /** The device's capability record, once connected. */
    public DeviceCapabilities capabilities() {
        return capabilities;
    }

    /** Notifications received so far. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Control-point results received so far. */
    public synchronized List<ControlResult> results() {
        return List.copyOf(results);
    }

    /** Disconnect reasons so far. */
    public synchronized List<String> disconnects() {
        return List.copyOf(disconnects);
    }

    /** Last battery level read or notified, or -1. */
    public int batteryLevel() {
        return batteryLevel;
    }

    private synchronized void sample(byte[] value) {
        received.add(new Received(virtualNow.getAsLong(), clockBase, value));
    }

    private synchronized void result(byte[] value) {
        DecodeResult<ControlResult> r = ControlCodec.decodeResult(value);
        if (r.isOk()) {
            results.add(r.orThrow());
        }
    }

    private synchronized void disconnected(String reason) {
        disconnects.add(reason);
    }
}
