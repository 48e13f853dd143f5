package dev.spinetrack.simulator.cli;

import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.SimulationOptions;
import dev.spinetrack.simulator.bluez.BusDaemon;
import dev.spinetrack.simulator.bluez.SimulatedBluez;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.GroundTruth;
import dev.spinetrack.simulator.truth.GroundTruthJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Serves a scenario's devices as BlueZ ({@code org.bluez}) on a private D-Bus, so that a real
 * BlueZ client (the gateway through TinyB) connects to them as to hardware.
 */
@Command(name = "bluez", mixinStandardHelpOptions = true,
        description = "Serve a scenario's devices as BlueZ (org.bluez, adapter hci0) on a private D-Bus system bus;"
                + " prints the DBUS_SYSTEM_BUS_ADDRESS for the gateway. Needs dbus-daemon (Debian: dbus).")
final class BluezCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "bundled name (see list), load:<N>x<R>, or a YAML/JSON file")
    String scenario;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--speed", defaultValue = "1", description = "virtual clock speed-up, 1 = real time (default ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--loop", description = "restart the scenario when it ends (demo); stop with Ctrl+C")
    boolean loop;

    @Option(names = "--faults", defaultValue = "", paramLabel = "SPEC",
            description = "faults on top of the scenario's, e.g. drop=2%%,disconnect=90s (see run --help)")
    String faults;

    @Option(names = "--fleet", defaultValue = "0",
            description = "0..65535: other device addresses than another fleet number (default ${DEFAULT-VALUE})")
    int fleet;

    @Option(names = "--bus", paramLabel = "ADDRESS",
            description = "join this bus (e.g. unix:path=/run/dbus/system_bus_socket) instead of starting one")
    String bus;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "directory for the private bus socket (default: a new one under /tmp)")
    Path dir;

    @Option(names = "--truth", paramLabel = "FILE", description = "write the ground truth JSON here when the scenario ends")
    Path truthPath;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SimulationOptions options = new SimulationOptions(scenario, seed, speed, loop, faults, fleet);
        BusDaemon daemon = null;
        String address = bus;
        if (address == null) {
            daemon = BusDaemon.start(dir != null ? dir : Files.createTempDirectory("spinetrack-bluez"));
            address = daemon.address();
        }
        try (BusDaemon ignored = daemon;
             SimulatedBluez bluez = SimulatedBluez.serve(address);
             Simulation sim = Simulation.start(options)) {
            for (VirtualPeripheral p : sim.peripherals()) {
                bluez.attach(p);
            }
            out.printf("DBUS_SYSTEM_BUS_ADDRESS=%s%n", address);
            out.printf("serving %d device(s) of '%s' as org.bluez (adapter hci0); run the gateway with:%n",
                    sim.peripherals().size(), sim.scenario().name());
            out.printf("  DBUS_SYSTEM_BUS_ADDRESS=%s java -jar device-gateway/target/gateway.jar --broker tcp://127.0.0.1:1883%n",
                    address);
            out.flush();
            BusDaemon owned = daemon;
            Thread hook = new Thread(() -> {
                // Ctrl+C: power the devices off, leave the bus, and stop the private daemon too
                sim.close();
                bluez.close();
                if (owned != null) {
                    owned.close();
                }
            }, "bluez-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            while (!sim.awaitFinished(java.time.Duration.ofSeconds(10))) {
                out.printf("%s of scenario, %d notifications through D-Bus%n",
                        Format.duration(sim.elapsed().toMillis()), bluez.notificationsSent());
                out.flush();
            }
            GroundTruth truth = sim.groundTruth();
            out.printf("scenario finished: %d notifications through D-Bus%n", bluez.notificationsSent());
            for (DeviceTruth t : truth.devices()) {
                out.printf("  %-14s %-5s %9d samples emitted%n", t.device(), t.kind(), t.samples());
            }
            if (truthPath != null) {
                GroundTruthJson.write(truth, truthPath);
                out.printf("ground truth written to %s%n", truthPath);
            }
            out.flush();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return 0;
    }
}
