package dev.spinetrack.simulator.cli;

import dev.spinetrack.simulator.Playback;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.SimulationOptions;
import dev.spinetrack.simulator.central.ReferenceCentral;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Load mode: N devices at R Hz streaming to reference centrals, to check what the generator
 * sustains. Pipelines use the same source as scenario {@code load:<N>x<R>} (e.g. the
 * gateway's simulator adapter).
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load generator: N devices at R Hz (scenario load:<N>x<R>); reports the rate delivered.")
final class LoadCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--devices", defaultValue = "50", description = "devices (default ${DEFAULT-VALUE})")
    int devices;

    @Option(names = "--rate", defaultValue = "100", description = "sample rate per device, Hz (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--duration", defaultValue = "20", description = "scenario seconds (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--speed", defaultValue = "1", description = "virtual clock speed-up (default ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--mtu", defaultValue = "247", description = "ATT MTU (default ${DEFAULT-VALUE})")
    int mtu;

    @Option(names = "--fast", description = "generate as fast as possible, no clock")
    boolean fast;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String name = "load:" + devices + "x" + rate + "x" + seconds + "s";
        SimulationOptions options = new SimulationOptions(name, seed, speed, false, "");
        long t0 = System.nanoTime();
        long frames;
        long notifications;
        if (fast) {
            Playback p = Simulation.runToCompletion(options, mtu);
            frames = p.truth().devices().stream().mapToLong(d -> d.samples()).sum();
            notifications = p.notificationCount();
        } else {
            try (Simulation sim = Simulation.start(options)) {
                List<ReferenceCentral> centrals = new ArrayList<>();
                long start = sim.scenario().startEpoch();
                for (VirtualPeripheral p : sim.peripherals()) {
                    ReferenceCentral c = new ReferenceCentral(p, mtu, () -> sim.elapsed().toMillis(),
                            () -> start + sim.elapsed().toMillis());
                    connect(c);
                    centrals.add(c);
                }
                sim.awaitFinished(java.time.Duration.ofSeconds((long) (seconds / speed) + 60));
                frames = sim.groundTruth().devices().stream().mapToLong(d -> d.samples()).sum();
                notifications = centrals.stream().mapToLong(c -> c.received().size()).sum();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        out.printf("%s: %d frames in %d notifications over %.1f s wall: %.0f frames/s, %.0f notifications/s"
                        + " (target %d frames/s x speed %.0f)%n", name, frames, notifications, wall, frames / wall,
                notifications / wall, devices * rate, fast ? Double.NaN : speed);
        out.flush();
        return 0;
    }

    private static void connect(ReferenceCentral c) throws GattException {
        if (!c.ensureConnected()) {
            throw new GattException("device not advertising at start");
        }
    }
}
