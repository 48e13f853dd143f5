package dev.spinetrack.simulator.bluez;

import java.util.List;
import java.util.Set;

/** {@code .../serviceXXXX}: one primary service of a connected device (properties only). */
final class GattServiceObject extends BluezObject implements BluezApi.GattService1 {

    GattServiceObject(String path, GattTable.Service service, String devicePath, List<String> characteristicPaths,
                      Signals signals) {
        super(path, BluezApi.GATT_SERVICE, Set.of(), signals);
        init("UUID", Variants.string(service.uuid().toString()));
        init("Device", Variants.path(devicePath));
        init("Primary", Variants.bool(true));
        // dropped from BlueZ's documents in 5.4x but still in the interface TinyB was generated from
        init("Characteristics", Variants.paths(characteristicPaths));
    }
}
