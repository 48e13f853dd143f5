package dev.spinetrack.simulator.device;

import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.GattLink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** One connection between a central and a {@link VirtualDevice}. */
final class DeviceLink implements GattLink {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeviceLink.class);

    private final VirtualDevice device;
    private final int mtu;
    private final Map<UUID, Consumer<byte[]>> subscribers = new ConcurrentHashMap<>();
    private final List<Consumer<String>> disconnectListeners = new ArrayList<>();
    private volatile boolean connected = true;
    private String reason;

    DeviceLink(VirtualDevice device, int mtu) {
        this.device = device;
        this.mtu = mtu;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public byte[] read(UUID service, UUID characteristic) throws GattException {
        requireConnected("read");
        return device.read(service, characteristic);
    }

    @Override
    public void write(UUID service, UUID characteristic, byte[] value) throws GattException {
        requireConnected("write");
        if (!GattProfile.SERVICE.equals(service) || !GattProfile.CONTROL_POINT.equals(characteristic)) {
            throw new GattException("characteristic " + characteristic + " of service " + service
                    + " is not writable; only the control point is");
        }
        byte[] copy = value == null ? new byte[0] : value.clone();
        device.submit(() -> device.control(this, copy));
    }

    @Override
    public void subscribe(UUID service, UUID characteristic, Consumer<byte[]> onValue) throws GattException {
        requireConnected("subscribe");
        boolean ours = GattProfile.SERVICE.equals(service) && (GattProfile.SAMPLE_STREAM.equals(characteristic)
                || GattProfile.CONTROL_POINT.equals(characteristic));
        boolean battery = GattProfile.BATTERY_SERVICE.equals(service) && GattProfile.BATTERY_LEVEL.equals(characteristic);
        if (!ours && !battery) {
            throw new GattException("characteristic " + characteristic + " of service " + service
                    + " does not notify or indicate");
        }
        subscribers.put(characteristic, onValue);
    }

    @Override
    public void onDisconnect(Consumer<String> onReason) {
        String already;
        synchronized (disconnectListeners) {
            already = reason;
            if (already == null) {
                disconnectListeners.add(onReason);
            }
        }
        if (already != null) {
            onReason.accept(already);
        }
    }

    @Override
    public void close() {
        if (connected) {
            connected = false;
            device.submit(() -> device.linkLost(this, "closed by the central", false));
        }
    }

    /** Delivers a value to the subscriber of a characteristic, if any. */
    void deliver(UUID characteristic, byte[] value) {
        Consumer<byte[]> c = subscribers.get(characteristic);
        if (c != null && connected) {
            try {
                c.accept(value);
            } catch (RuntimeException e) {
                // a central's bug must not stop the device (nor the other devices on this thread)
                LOG.warn("central's callback for {} of {} threw {}", characteristic,
                        device.advertisement().address(), e.toString());
            }
        }
    }

    /** Marks the link down and tells the listeners once. */
    void drop(String why) {
        connected = false;
        List<Consumer<String>> listeners;
        synchronized (disconnectListeners) {
            if (reason != null) {
                return;
            }
            reason = why;
            listeners = new ArrayList<>(disconnectListeners);
        }
        for (Consumer<String> l : listeners) {
            try {
                l.accept(why);
            } catch (RuntimeException e) {
                LOG.warn("central's disconnect callback of {} threw {}", device.advertisement().address(), e.toString());
            }
        }
    }

    private void requireConnected(String op) throws GattException {
        if (!connected) {
            throw new GattException("cannot " + op + ": link to " + device.advertisement().address() + " is down");
        }
    }
}
