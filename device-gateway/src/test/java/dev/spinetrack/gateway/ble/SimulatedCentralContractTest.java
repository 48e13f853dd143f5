package dev.spinetrack.gateway.ble;

import dev.spinetrack.gateway.ble.sim.SimulatedCentral;
import dev.spinetrack.gateway.testing.HandPeripheral;

import java.util.List;

/** The central contract over the simulator adapter, with a hand-driven virtual peripheral. */
class SimulatedCentralContractTest extends BleCentralContract {

    @Override
    protected Rig rig() {
        HandPeripheral p = new HandPeripheral(ADDRESS, NAME, RSSI);
        SimulatedCentral central = new SimulatedCentral(() -> List.of(p), () -> { });
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
        };
    }
}
