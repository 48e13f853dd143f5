package dev.spinetrack.simulator.gatt;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a scanning central hears from a peripheral.
 *
 * @param address  BLE address, {@code XX:XX:XX:XX:XX:XX} upper-case
 * @param name     advertised local name
 * @param rssi     received signal strength, dBm
 * @param services advertised service UUIDs
 */
public record Advertisement(String address, String name, int rssi, List<UUID> services) {
    public Advertisement {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
        services = List.copyOf(services);
    }
}
