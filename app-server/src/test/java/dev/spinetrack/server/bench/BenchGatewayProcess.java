package dev.spinetrack.server.bench;

import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayConfig;
import dev.spinetrack.gateway.GatewayStats;
import dev.spinetrack.gateway.ble.BleCentral;
import dev.spinetrack.gateway.ble.sim.SimulatedCentral;
import dev.spinetrack.gateway.ble.tinyb.TinybCentral;
import dev.spinetrack.gateway.cli.ConfigKeys;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.SimulationOptions;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway of {@link ProcessLatencyBenchmark}, as a process of its own: the real gateway on
 * TinyB (devices from a simulated BlueZ in another process, {@code DBUS_SYSTEM_BUS_ADDRESS} set)
 * or, when the settings name a {@code simulate} scenario, on the simulator in this JVM. Its
 * central is wrapped in a {@link NotificationClock} that stamps each sample's notification with
 * {@link System#nanoTime()} (HotSpot on Linux: {@code CLOCK_MONOTONIC}, one clock for every
 * process on the machine). Prints {@code STATS ...} once a second; on {@code stop} (stdin) it
 * closes the gateway, writes the stamps to {@code stampsFile} and exits.
 * <pre>
 * BenchGatewayProcess stampsFile key=value...   (keys: the gateway's long option names)
 * </pre>
 */
public final class BenchGatewayProcess {

    private BenchGatewayProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path stampsFile = Path.of(args[0]);
        Map<String, String> settings = new LinkedHashMap<>();
        for (String a : Arrays.copyOfRange(args, 1, args.length)) {
            int eq = a.indexOf('=');
            settings.put(a.substring(0, eq), a.substring(eq + 1));
        }
        GatewayConfig config = ConfigKeys.apply(GatewayConfig.defaults(), settings, "arguments");
        System.out.printf("CLOCK nano %d wall %d%n", System.nanoTime(), nowEpochNanos());
        Stamps stamps = new Stamps();
        BleCentral central;
        if (config.simulated()) {
            Simulation sim = Simulation.start(new SimulationOptions(config.simulate(), config.seed(), config.speed(),
                    config.loop(), config.faults(), config.fleet()));
            central = new SimulatedCentral(sim::peripherals, sim::close);
        } else {
            central = TinybCentral.open();
        }
        Gateway gateway = Gateway.start(config, new NotificationClock(stamps).wrap(central));
        Thread reporter = new Thread(() -> report(gateway), "bench-stats");
        reporter.setDaemon(true);
        reporter.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
            // only "stop" (or the end of stdin) means anything
        }
        gateway.close();
        System.out.println("STATS " + line(gateway));
        stamps.write(stampsFile);
        System.out.println("STAMPS written");
        System.out.flush();
        System.exit(0);
    }

    static long nowEpochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void report(Gateway gateway) {
        while (true) {
            System.out.println("STATS " + line(gateway));
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String line(Gateway gateway) {
        GatewayStats s = gateway.stats();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return String.format("devices=%d in=%d out=%d gaps=%d reconnects=%d queue=%d unconfirmed=%d cpuNanos=%d",
                s.devices(), s.samplesIn(), s.samplesOut(), s.gaps(), s.reconnects(), s.queueDepth(),
                gateway.unconfirmed(), cpu);
    }

    /** Stamps per device in primitive arrays: 20,000 a second must not become garbage in this JVM. */
    static final class Stamps implements NotificationClock.Sink {
        private final Map<String, Series> byDevice = new ConcurrentHashMap<>();

        @Override
        public void stamp(String device, long seq, long nanos) {
            byDevice.computeIfAbsent(device, d -> new Series()).add(seq, nanos);
        }

        /** Per device: its id, the count, then (seq, nanos) pairs. */
        void write(Path file) throws IOException {
            try (OutputStream o = Files.newOutputStream(file);
                 DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(o, 1 << 16))) {
                out.writeInt(byDevice.size());
                for (Map.Entry<String, Series> e : byDevice.entrySet()) {
                    out.writeUTF(e.getKey());
                    e.getValue().write(out);
                }
            }
        }
    }

    private static final class Series {
        private long[] pairs = new long[2048];
        private int size;

        synchronized void add(long seq, long nanos) {
            if (size + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size++] = seq;
            pairs[size++] = nanos;
        }

        synchronized void write(DataOutputStream out) throws IOException {
            out.writeInt(size / 2);
            for (int i = 0; i < size; i++) {
                out.writeLong(pairs[i]);
            }
        }
    }
}
