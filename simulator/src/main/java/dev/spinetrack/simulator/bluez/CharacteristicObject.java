package dev.spinetrack.simulator.bluez;

import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.GattLink;
import org.freedesktop.dbus.types.Variant;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code .../serviceXXXX/charYYYY}: one characteristic of a connected device. Reads and writes
 * go to the device's GATT link; notifications and indications become {@code PropertiesChanged}
 * on {@code Value}, as BlueZ emits them.
 */
final class CharacteristicObject extends BluezObject implements BluezApi.GattCharacteristic1 {

    private final GattLink link;
    private final UUID service;
    private final UUID uuid;
    private final List<String> flags;
    private final AtomicLong notified;
    private volatile boolean notifying;
    private volatile boolean subscribed;

    CharacteristicObject(String path, String servicePath, UUID service, GattTable.Characteristic c, GattLink link,
                         AtomicLong notified, Signals signals) {
        super(path, BluezApi.GATT_CHARACTERISTIC, Set.of(), signals);
        this.link = link;
        this.service = service;
        this.uuid = c.uuid();
        this.flags = c.flags();
        this.notified = notified;
        init("UUID", Variants.string(uuid.toString()));
        init("Service", Variants.path(servicePath));
        init("Value", Variants.bytes(new byte[0]));
        init("Notifying", Variants.bool(false));
        init("Flags", Variants.strings(flags));
        init("Descriptors", Variants.paths(List.of()));
    }

    @Override
    public byte[] ReadValue(Map<String, Variant<?>> options) {
        requireFlag("read", "Read not permitted");
        requireConnected();
        try {
            byte[] value = link.read(service, uuid);
            // BlueZ caches what it read in Value and signals it when it changed
            update("Value", Variants.bytes(value));
            return value;
        } catch (GattException e) {
            throw new BluezApi.Failed(e.getMessage());
        }
    }

    @Override
    public void WriteValue(byte[] value, Map<String, Variant<?>> options) {
        if (!flags.contains("write") && !flags.contains("write-without-response")) {
            throw new BluezApi.NotPermitted("Write not permitted");
        }
        requireConnected();
        try {
            link.write(service, uuid, value);
        } catch (GattException e) {
            throw new BluezApi.Failed(e.getMessage());
        }
    }

    @Override
    public synchronized void StartNotify() {
        if (!flags.contains("notify") && !flags.contains("indicate")) {
            throw new BluezApi.NotSupported("Operation is not supported");
        }
        requireConnected();
        if (!subscribed) {
            try {
                link.subscribe(service, uuid, this::valueArrived);
            } catch (GattException e) {
                throw new BluezApi.Failed(e.getMessage());
            }
            subscribed = true;
        }
        notifying = true;
        update("Notifying", Variants.bool(true));
    }

    @Override
    public synchronized void StopNotify() {
        // the virtual link has no unsubscribe; values that still arrive are not signalled
        notifying = false;
        update("Notifying", Variants.bool(false));
    }

    private void valueArrived(byte[] value) {
        if (notifying) {
            emit("Value", Variants.bytes(value));
            notified.incrementAndGet();
        }
    }

    private void requireFlag(String flag, String refusal) {
        if (!flags.contains(flag)) {
            throw new BluezApi.NotPermitted(refusal);
        }
    }

    private void requireConnected() {
        if (!link.connected()) {
            throw new BluezApi.NotConnected("Not connected");
        }
    }
}
