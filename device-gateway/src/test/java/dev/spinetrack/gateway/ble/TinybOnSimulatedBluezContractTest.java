package dev.spinetrack.gateway.ble;

import dev.spinetrack.gateway.testing.BluezBus;
import dev.spinetrack.gateway.testing.HandPeripheral;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The central contract over the TinyB adapter with TinyB's real natives, talking D-Bus to the
 * simulator's BlueZ (object paths, property signals, callbacks on GLib's thread, services
 * resolved after connect, disconnect events): nothing mocked but the radio.
 */
class TinybOnSimulatedBluezContractTest extends BleCentralContract {

    @BeforeAll
    static void needsDbus() {
        assumeTrue(BluezBus.unavailable().isEmpty(), () -> "skipped: " + BluezBus.unavailable().orElse(""));
    }

    @Override
    protected Rig rig() {
        BluezBus bus = BluezBus.shared();
        HandPeripheral p = new HandPeripheral(ADDRESS, NAME, RSSI);
        bus.bluez().attach(p);
        bus.awaitKnown(ADDRESS, true);
        BleCentral central = bus.central();
        return new Rig() {
            @Override
            public BleCentral central() {
                return central;
            }

            @Override
            public void notifySample(byte[] value) {
                p.notifySample(value);
            }

            @Override
            public void dropLink() {
                p.drop();
            }

            @Override
            public List<byte[]> controlWrites() {
                return p.writes;
            }

            @Override
            public void close() {
                bus.bluez().detach(ADDRESS);
                bus.awaitKnown(ADDRESS, false);
            }
        };
    }
}
