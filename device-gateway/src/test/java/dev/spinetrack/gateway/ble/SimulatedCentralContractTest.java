package dev.spinetrack.gateway.ble;

import dev.spinetrack.gateway.ble.sim.SimulatedCentral;
import dev.spinetrack.gateway.testing.ScriptedPeripheral;
import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.simulator.gatt.Advertisement;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.GattLink;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The central contract over the simulator adapter, with a hand-driven virtual peripheral. */
class SimulatedCentralContractTest extends BleCentralContract {

    @Override
    protected Rig rig() {
        HandPeripheral p = new HandPeripheral();
        SimulatedCentral central = new SimulatedCentral(() -> List.of(p), () -> { });
        return new Rig() {
            @Override
            public BleCentral central() {
                return central;
            }

            @Override
            public void notifySample(byte[] value) {
                p.stream.accept(value);
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

    /** A virtual peripheral the test moves by hand. */
    private static final class HandPeripheral implements VirtualPeripheral, GattLink {
        final List<byte[]> writes = new CopyOnWriteArrayList<>();
        volatile Consumer<byte[]> stream = v -> { };
        volatile Consumer<String> onDisconnect = r -> { };
        volatile boolean up;

        @Override
        public Advertisement advertisement() {
            return new Advertisement(ADDRESS, NAME, RSSI, List.of(GattProfile.SERVICE));
        }

        @Override
        public boolean advertising() {
            return !up;
        }

        @Override
        public GattLink connect(int requestedMtu) throws GattException {
            if (up) {
                throw new GattException("already connected");
            }
            up = true;
            return this;
        }

        @Override
        public int mtu() {
            return GattProfile.MAX_MTU;
        }

        @Override
        public boolean connected() {
            return up;
        }

        @Override
        public byte[] read(UUID service, UUID characteristic) throws GattException {
            if (characteristic.equals(GattProfile.CAPABILITIES)) {
                return CapabilitiesCodec.encode(ScriptedPeripheral.RACK);
            }
            throw new GattException("no characteristic " + characteristic);
        }

        @Override
        public void write(UUID service, UUID characteristic, byte[] value) {
            writes.add(value.clone());
        }

        @Override
        public void subscribe(UUID service, UUID characteristic, Consumer<byte[]> onValue) {
            stream = onValue;
        }

        @Override
        public void onDisconnect(Consumer<String> onReason) {
            onDisconnect = onReason;
        }

        void drop() {
            if (up) {
                up = false;
                onDisconnect.accept("peripheral went out of range");
            }
        }

        @Override
        public void close() {
            drop();
        }
    }
}
