package dev.spinetrack.simulator.cli;

import dev.spinetrack.simulator.Playback;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.SimulationOptions;
import dev.spinetrack.simulator.central.ReferenceCentral;
import dev.spinetrack.simulator.central.StreamStats;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.GroundTruth;
import dev.spinetrack.simulator.truth.GroundTruthJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

/** Plays a scenario with a reference central per device, reports what arrived, writes ground truth. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario: reference centrals connect to every device, set its clock and stream;"
                + " prints what arrived per device and writes the ground truth.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "bundled name (see list), load:<N>x<R>, or a YAML/JSON file")
    String scenario;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--speed", defaultValue = "60", description = "virtual clock speed-up, 1 = real time (default ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--fast", description = "no waiting at all: play the whole scenario at once (prints the byte-stream SHA-256)")
    boolean fast;

    @Option(names = "--loop", description = "restart the scenario when it ends (demo); stop with Ctrl+C")
    boolean loop;

    @Option(names = "--mtu", defaultValue = "247", description = "ATT MTU the centrals request, 23..247 (default ${DEFAULT-VALUE})")
    int mtu;

    @Option(names = "--faults", defaultValue = "", paramLabel = "SPEC",
            description = "faults on top of the scenario's, e.g. drop=2%%,corrupt=0.5%%,duplicate=1%%,disconnect=90s,"
                    + "drift=200ppm,low-battery=120s:4%%,stall=60s+5s (disconnect=random for a random time)")
    String faults;

    @Option(names = "--fleet", defaultValue = "0",
            description = "0..65535: other device addresses than another fleet number (default ${DEFAULT-VALUE})")
    int fleet;

    @Option(names = "--truth", paramLabel = "FILE", description = "write the ground truth JSON here")
    Path truthPath;

    @Option(names = "--capture", paramLabel = "FILE",
            description = "write every notification as 'device virtual-ms hex' lines")
    Path capturePath;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (mtu < 23 || mtu > 247) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mtu must be in [23, 247], was " + mtu);
        }
        SimulationOptions options = new SimulationOptions(scenario, seed, speed, loop, faults, fleet);
        List<String> ids = new ArrayList<>();
        List<List<ReferenceCentral.Received>> streams = new ArrayList<>();
        List<List<String>> disconnects = new ArrayList<>();
        GroundTruth truth;
        if (fast) {
            Playback p = Simulation.runToCompletion(options, mtu);
            for (Playback.DeviceCapture d : p.devices()) {
                ids.add(d.deviceId());
                streams.add(d.notifications());
                disconnects.add(d.disconnects());
            }
            truth = p.truth();
            out.printf("byte-stream SHA-256 %s (%d notifications)%n", p.sha256(), p.notificationCount());
        } else {
            truth = runClocked(options, ids, streams, disconnects, err);
        }
        report(out, truth, ids, streams, disconnects);
        if (truthPath != null) {
            GroundTruthJson.write(truth, truthPath);
            out.printf("ground truth written to %s%n", truthPath);
        }
        if (capturePath != null) {
            writeCapture(ids, streams);
            out.printf("notifications written to %s%n", capturePath);
        }
        out.flush();
        return 0;
    }

    private GroundTruth runClocked(SimulationOptions options, List<String> ids, List<List<ReferenceCentral.Received>> streams,
                                   List<List<String>> disconnects, PrintWriter err) throws InterruptedException {
        try (Simulation sim = Simulation.start(options)) {
            long start = sim.scenario().startEpoch();
            List<ReferenceCentral> centrals = new ArrayList<>();
            for (VirtualPeripheral p : sim.peripherals()) {
                centrals.add(new ReferenceCentral(p, mtu, () -> sim.elapsed().toMillis(),
                        () -> start + sim.elapsed().toMillis()));
            }
            long total = sim.scenario().durationMs();
            long lastProgress = System.nanoTime();
            while (!sim.finished()) {
                for (ReferenceCentral c : centrals) {
                    try {
                        c.ensureConnected();
                    } catch (GattException e) {
                        err.printf("connect failed, will retry: %s%n", e.getMessage());
                    }
                }
                if (System.nanoTime() - lastProgress > 2_000_000_000L) {
                    lastProgress = System.nanoTime();
                    long now = sim.elapsed().toMillis();
                    long frames = centrals.stream().mapToLong(c -> c.received().size()).sum();
                    err.printf("[%3d%%] %s of %s scenario time, %d notifications%n",
                            loop ? 0 : Math.min(100, now * 100 / Math.max(1, total)), Format.duration(now),
                            Format.duration(total), frames);
                    err.flush();
                }
                Thread.sleep(10);
            }
            for (int i = 0; i < centrals.size(); i++) {
                ids.add(sim.peripherals().get(i).advertisement().address());
                streams.add(centrals.get(i).received());
                disconnects.add(centrals.get(i).disconnects());
            }
            return sim.groundTruth();
        }
    }

    private void report(PrintWriter out, GroundTruth truth, List<String> ids, List<List<ReferenceCentral.Received>> streams,
                        List<List<String>> disconnects) {
        out.printf("%-14s %-5s %9s %9s %7s %7s %6s %5s%n", "device", "kind", "emitted", "received", "missing",
                "dups", "errors", "drops");
        for (int i = 0; i < ids.size(); i++) {
            DeviceTruth t = truth.devices().get(i);
            StreamStats s = StreamStats.of(streams.get(i));
            out.printf("%-14s %-5s %9d %9d %7d %7d %6d %5d%n", t.device(), t.kind(), t.samples(), s.frames(),
                    s.missing(), s.duplicates(), s.decodeErrors(), disconnects.get(i).size());
            t.regions().forEach((region, r) -> out.printf("    %-22s dwell %7.1f s  mean %6.1f  peak %6.1f  p95 %6.1f%n",
                    region, r.dwellMs() / 1000.0, r.meanPressure(), r.peakPressure(), r.p95Pressure()));
            t.sets().forEach(set -> out.printf("    set %-16s %2d reps  %.0f s%n", set.exercise(), set.reps(),
                    (set.toMs() - set.fromMs()) / 1000.0));
            if (t.gapMs() > 0) {
                out.printf("    data gaps %.1f s%n", t.gapMs() / 1000.0);
            }
        }
        out.printf("%d injected fault event(s)%n", truth.faults().size());
    }

    private void writeCapture(List<String> ids, List<List<ReferenceCentral.Received>> streams) throws IOException {
        HexFormat hex = HexFormat.of();
        try (BufferedWriter w = Files.newBufferedWriter(capturePath)) {
            for (int i = 0; i < ids.size(); i++) {
                for (ReferenceCentral.Received r : streams.get(i)) {
                    w.write(ids.get(i) + " " + r.virtualMs() + " " + hex.formatHex(r.value()));
                    w.newLine();
                }
            }
        }
    }
}
