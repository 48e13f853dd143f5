package dev.spinetrack.gateway.device;

import dev.spinetrack.gateway.ble.BleAdvertisement;
import dev.spinetrack.protocol.gatt.GattProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceFilterTest {

    private static BleAdvertisement ad(String address, String name, int rssi, UUID... services) {
        return new BleAdvertisement(address, name, rssi, List.of(services));
    }

    @Test
    void onlyDevicesAdvertisingTheSpineTrackServiceAreAccepted() {
        DeviceFilter f = new DeviceFilter(Set.of(), null);
        assertTrue(f.accepts(ad("AA:BB:CC:DD:EE:01", "x", -50, GattProfile.SERVICE)));
        assertFalse(f.accepts(ad("AA:BB:CC:DD:EE:02", "heart-rate", -50, GattProfile.BATTERY_SERVICE)));
    }

    @Test
    void allowListMatchesAddressesInAnySpellingOrNames() {
        DeviceFilter f = new DeviceFilter(Set.of("aa-bb-cc-dd-ee-01", "aabbccddee02", "Studio Rack"), null);
        assertTrue(f.accepts(ad("AA:BB:CC:DD:EE:01", "x", -50, GattProfile.SERVICE)));
        assertTrue(f.accepts(ad("AA:BB:CC:DD:EE:02", "y", -50, GattProfile.SERVICE)));
        assertTrue(f.accepts(ad("AA:BB:CC:DD:EE:03", "studio rack", -50, GattProfile.SERVICE)));
        assertFalse(f.accepts(ad("AA:BB:CC:DD:EE:04", "other", -50, GattProfile.SERVICE)));
    }

    @Test
    void signalsBelowTheMinimumRssiAreIgnored() {
        DeviceFilter f = new DeviceFilter(Set.of(), -70);
        assertTrue(f.accepts(ad("AA:BB:CC:DD:EE:01", "x", -70, GattProfile.SERVICE)));
        assertFalse(f.accepts(ad("AA:BB:CC:DD:EE:01", "x", -71, GattProfile.SERVICE)));
    }
}
