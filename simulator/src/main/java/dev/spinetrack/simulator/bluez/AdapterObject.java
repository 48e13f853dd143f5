package dev.spinetrack.simulator.bluez;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.Variant;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /org/bluez/hci0}: the one powered adapter. Discovery switches the advertising watch on. */
final class AdapterObject extends BluezObject implements BluezApi.Adapter1 {

    static final String PATH = "/org/bluez/hci0";
    static final String ADDRESS = "00:1A:7D:DA:71:13";

    private final SimulatedBluez bluez;

    AdapterObject(SimulatedBluez bluez, Signals signals) {
        super(PATH, BluezApi.ADAPTER, Set.of("Powered", "Alias", "Discoverable", "DiscoverableTimeout", "Pairable",
                "PairableTimeout"), signals);
        this.bluez = bluez;
        init("Address", Variants.string(ADDRESS));
        init("AddressType", Variants.string("public"));
        init("Name", Variants.string("spinetrack-sim"));
        init("Alias", Variants.string("spinetrack-sim"));
        init("Class", Variants.uint32(0));
        init("Powered", Variants.bool(true));
        init("Discoverable", Variants.bool(false));
        init("DiscoverableTimeout", Variants.uint32(180));
        init("Pairable", Variants.bool(false));
        init("PairableTimeout", Variants.uint32(0));
        init("Discovering", Variants.bool(false));
        init("UUIDs", Variants.strings(List.of()));
    }

    boolean discovering() {
        return Boolean.TRUE.equals(property("Discovering").getValue());
    }

    boolean powered() {
        return Boolean.TRUE.equals(property("Powered").getValue());
    }

    @Override
    public void StartDiscovery() {
        if (!powered()) {
            throw new BluezApi.NotReady("Resource Not Ready");
        }
        update("Discovering", Variants.bool(true));
        bluez.refresh();
    }

    @Override
    public void StopDiscovery() {
        update("Discovering", Variants.bool(false));
    }

    @Override
    public void RemoveDevice(DBusPath device) {
        if (!bluez.remove(device.getPath())) {
            throw new BluezApi.DoesNotExist("Does Not Exist");
        }
    }

    @Override
    public void SetDiscoveryFilter(Map<String, Variant<?>> filter) {
        // every simulated peripheral is LE and in range; a filter narrows nothing here
    }
}
