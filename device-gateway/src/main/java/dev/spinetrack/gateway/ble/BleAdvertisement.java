package dev.spinetrack.gateway.ble;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a scan heard from one peripheral.
 *
 * @param address  BLE address, {@code XX:XX:XX:XX:XX:XX}
 * @param name     advertised local name, empty when none
 * @param rssi     signal strength in dBm
 * @param services advertised service UUIDs
 */
public record BleAdvertisement(String address, String name, int rssi, List<UUID> services) {
    public BleAdvertisement {
        Objects.requireNonNull(address, "address");
        name = name == null ? "" : name;
        services = List.copyOf(services);
    }
}
