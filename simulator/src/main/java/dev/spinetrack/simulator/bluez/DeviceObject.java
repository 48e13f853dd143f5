package dev.spinetrack.simulator.bluez;

import dev.spinetrack.simulator.gatt.Advertisement;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.GattLink;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /org/bluez/hci0/dev_XX_XX_XX_XX_XX_XX}: one virtual peripheral as BlueZ's
 * {@code Device1}. {@code Connect} opens a GATT link and, as BlueZ does after its service
 * discovery, exports the GATT objects and then sets {@code ServicesResolved}; a lost link sets
 * {@code ServicesResolved} and {@code Connected} false and removes the GATT objects again.
 */
final class DeviceObject extends BluezObject implements BluezApi.Device1 {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceObject.class);
    /** BlueZ asks for the largest LE MTU; the peripheral answers with what it supports. */
    static final int REQUESTED_MTU = 517;

    private final SimulatedBluez bluez;
    private final VirtualPeripheral peripheral;
    private final String address;
    private GattLink link;
    private List<BluezObject> gatt = List.of();

    DeviceObject(SimulatedBluez bluez, VirtualPeripheral peripheral, Signals signals) {
        super(pathOf(peripheral.advertisement().address()), BluezApi.DEVICE, Set.of("Alias", "Trusted", "Blocked"),
                signals);
        this.bluez = bluez;
        this.peripheral = peripheral;
        Advertisement ad = peripheral.advertisement();
        this.address = ad.address();
        init("Address", Variants.string(ad.address()));
        init("AddressType", Variants.string("public"));
        init("Name", Variants.string(ad.name()));
        init("Alias", Variants.string(ad.name()));
        init("Paired", Variants.bool(false));
        init("Trusted", Variants.bool(false));
        init("Blocked", Variants.bool(false));
        init("LegacyPairing", Variants.bool(false));
        init("RSSI", Variants.int16(ad.rssi()));
        init("Connected", Variants.bool(false));
        init("UUIDs", Variants.strings(ad.services().stream().map(UUID::toString).toList()));
        init("Adapter", Variants.path(AdapterObject.PATH));
        init("ServicesResolved", Variants.bool(false));
    }

    /** BlueZ's object path for an address. */
    static String pathOf(String address) {
        return AdapterObject.PATH + "/dev_" + address.toUpperCase(Locale.ROOT).replace(':', '_');
    }

    String address() {
        return address;
    }

    VirtualPeripheral peripheral() {
        return peripheral;
    }

    synchronized boolean connected() {
        return link != null;
    }

    /** A fresh advertisement was heard: BlueZ updates RSSI while discovering. */
    void heard(Advertisement ad) {
        update("RSSI", Variants.int16(ad.rssi()));
    }

    @Override
    public void Connect() {
        GattLink l;
        synchronized (this) {
            if (link != null) {
                return; // BlueZ answers an already connected device with success
            }
            if (!peripheral.advertising()) {
                // bluetoothd gives up after its LE connection timeout with this reason
                throw new BluezApi.Failed("le-connection-abort-by-local");
            }
            try {
                l = peripheral.connect(REQUESTED_MTU);
            } catch (GattException e) {
                throw new BluezApi.Failed("le-connection-abort-by-local: " + e.getMessage());
            }
            link = l;
            update("Connected", Variants.bool(true));
            gatt = gattObjects(l);
        }
        l.onDisconnect(reason -> linkDown(l, reason));
        LOG.info("bluez device {} connected, MTU {}", address, l.mtu());
        // BlueZ resolves services after Connect has returned; clients wait for ServicesResolved
        bluez.later(() -> servicesResolved(l));
    }

    @Override
    public void Disconnect() {
        GattLink l;
        synchronized (this) {
            l = link;
        }
        if (l != null) {
            l.close();
            linkDown(l, "disconnected by the central (Device1.Disconnect)");
        }
    }

    @Override
    public void ConnectProfile(String uuid) {
        throw new BluezApi.NotSupported("Operation is not supported");
    }

    @Override
    public void DisconnectProfile(String uuid) {
        throw new BluezApi.NotSupported("Operation is not supported");
    }

    @Override
    public void Pair() {
        throw new BluezApi.NotSupported("Operation is not supported (SpineTrack devices do not bond)");
    }

    @Override
    public void CancelPairing() {
        throw new BluezApi.DoesNotExist("Does Not Exist");
    }

    private void servicesResolved(GattLink l) {
        List<BluezObject> objects;
        synchronized (this) {
            if (link != l) {
                return;
            }
            objects = gatt;
            bluez.export(objects);
        }
        update("ServicesResolved", Variants.bool(true));
    }

    private void linkDown(GattLink l, String reason) {
        List<BluezObject> objects;
        synchronized (this) {
            if (link != l) {
                return;
            }
            link = null;
            objects = gatt;
            gatt = List.of();
            update("ServicesResolved", Variants.bool(false));
            update("Connected", Variants.bool(false));
            bluez.unexport(objects);
        }
        LOG.info("bluez device {} disconnected: {}", address, reason);
    }

    private List<BluezObject> gattObjects(GattLink l) {
        List<BluezObject> out = new ArrayList<>();
        for (GattTable.Service s : GattTable.of(peripheral.advertisement().services())) {
            String sp = getObjectPath() + String.format("/service%04x", s.handle());
            List<String> charPaths = new ArrayList<>();
            List<BluezObject> chars = new ArrayList<>();
            for (GattTable.Characteristic c : s.characteristics()) {
                String cp = sp + String.format("/char%04x", c.handle());
                charPaths.add(cp);
                chars.add(new CharacteristicObject(cp, sp, s.uuid(), c, l, bluez.notifiedCounter(), signals));
            }
            out.add(new GattServiceObject(sp, s, getObjectPath(), charPaths, signals));
            out.addAll(chars);
        }
        return List.copyOf(out);
    }
}
