package dev.spinetrack.gateway.bench;

import dev.spinetrack.gateway.ble.BleConnection;
import dev.spinetrack.gateway.ble.tinyb.TinybCentral;
import dev.spinetrack.gateway.testing.BluezBus;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.SimulationOptions;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notification throughput through D-Bus into TinyB's natives: N simulated devices at R Hz
 * served by the simulator's BlueZ, each connected and streaming through a {@link TinybCentral}.
 * Reports what the simulated BlueZ sent and what reached the Java callbacks per second, and
 * how far the simulation's clock fell behind the wall. Not a test; run it by hand:
 * <pre>
 * mkdir -p /tmp/st-bench &amp;&amp; DBUS_SYSTEM_BUS_ADDRESS=unix:path=/tmp/st-bench/system_bus_socket \
 *   ./mvnw -q -pl device-gateway exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.spinetrack.gateway.bench.BluezThroughputBenchmark -Dexec.args="20 100 20"
 * </pre>
 * Arguments: devices, rate in Hz, measured seconds.
 */
public final class BluezThroughputBenchmark {

    private BluezThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        BluezBus.unavailable().ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        BluezBus bus = BluezBus.shared();
        AtomicLong received = new AtomicLong();
        List<BleConnection> links = new ArrayList<>();
        try (Simulation sim = Simulation.start(new SimulationOptions("load:" + devices + "x" + rate + "x" + (seconds + 900) + "s",
                1, 1, false, ""))) {
            sim.peripherals().forEach(bus.bluez()::attach);
            TinybCentral central = bus.central();
            for (VirtualPeripheral p : sim.peripherals()) {
                String address = p.advertisement().address();
                bus.awaitKnown(address, true);
                BleConnection c = central.connect(address, GattProfile.MAX_MTU);
                links.add(c);
                c.subscribe(GattProfile.SERVICE, GattProfile.CONTROL_POINT, v -> { });
                c.subscribe(GattProfile.SERVICE, GattProfile.SAMPLE_STREAM, v -> received.incrementAndGet());
                c.write(GattProfile.SERVICE, GattProfile.CONTROL_POINT, ControlCodec.encode(new ControlCommand.SetRate(rate)));
                c.write(GattProfile.SERVICE, GattProfile.CONTROL_POINT, ControlCodec.encode(new ControlCommand.StartStream()));
            }
            Thread.sleep(3000); // settle
            long sent0 = bus.bluez().notificationsSent();
            long got0 = received.get();
            long wall0 = System.nanoTime();
            long sim0 = sim.elapsed().toMillis();
            Thread.sleep(seconds * 1000L);
            double wall = (System.nanoTime() - wall0) / 1e9;
            long sent = bus.bluez().notificationsSent() - sent0;
            long got = received.get() - got0;
            double simRatio = (sim.elapsed().toMillis() - sim0) / 1000.0 / wall;
            System.out.printf("%d devices x %d Hz (%d samples/s): simulated BlueZ sent %.0f notifications/s, TinyB "
                            + "callbacks got %.0f/s (%.1f %%), simulation clock at %.2fx wall%n", devices, rate,
                    devices * rate, sent / wall, got / wall, sent == 0 ? 0 : 100.0 * got / sent, simRatio);
            for (BleConnection c : links) {
                c.close();
            }
        }
        System.exit(0);
    }
}
