package dev.spinetrack.gateway.device;

import dev.spinetrack.gateway.ble.BleAdvertisement;
import dev.spinetrack.protocol.gatt.GattProfile;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which advertisements the gateway connects to: those offering the SpineTrack service, on the
 * allow-list (by address or advertised name) when there is one, at or above a minimum RSSI.
 *
 * @param allowList addresses (any case, with or without colons) or names; empty allows all
 * @param minRssi   weakest signal accepted in dBm, or null
 */
public record DeviceFilter(Set<String> allowList, Integer minRssi) {

    public DeviceFilter {
        allowList = allowList == null ? Set.of()
                : allowList.stream().map(DeviceFilter::normal).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether to connect to the sender of this advertisement. */
    public boolean accepts(BleAdvertisement ad) {
        if (!ad.services().contains(GattProfile.SERVICE)) {
            return false;
        }
        if (minRssi != null && ad.rssi() < minRssi) {
            return false;
        }
        return allowList.isEmpty() || allowList.contains(normal(ad.address())) || allowList.contains(normal(ad.name()));
    }

    private static String normal(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.matches("([0-9a-f]{2}[:-]){5}[0-9a-f]{2}") ? t.replace(":", "").replace("-", "") : t;
    }
}
