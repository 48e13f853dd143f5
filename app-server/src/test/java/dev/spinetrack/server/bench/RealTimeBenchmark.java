package dev.spinetrack.server.bench;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.server.ingest.IngestCounters;
import dev.spinetrack.server.ingest.IngestLag;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Whether the server keeps up with a studio in real time, by hand (not a test): {@code devices}
 * racks (32 cells) at {@code hz}, {@code perMessage} samples per MQTT message (2 = the
 * gateway's default 20 ms batches at 100 Hz), for {@code seconds}, published by
 * {@link LoadPublisher} in a process of its own; the server runs in this one (H2, or
 * PostgreSQL with {@code -Dspinetrack.it.jdbc=...}). Every 10 s it prints what was stored, the
 * server's own lag figures ({@link IngestLag}: current lag, windowed p99 store lag) and the
 * heap after the last GC; at the end stored/offered when publishing stopped and after draining.
 * At a rate above capacity it shows overload: heap stays bounded, the lag grows and is reported.
 * <pre>
 * RealTimeBenchmark broker [devices=200] [hz=100] [perMessage=2] [seconds=300] [drainSeconds=120]
 * </pre>
 */
public final class RealTimeBenchmark {

    private RealTimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String broker = args.length > 0 ? args[0] : "tcp://127.0.0.1:1883";
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int hz = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int perMessage = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        int drainSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 120;
        String gateway = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        DeviceInfo rack = ScenarioSamples.play("rack-decompression", gateway).get(0).info();
        TestDatabase db = TestDatabase.create();
        EmbeddedServer server = TestServer.start(TestServer.properties(broker, db, gateway, gateway + "-server"));
        IngestCounters counters = server.getApplicationContext().getBean(IngestCounters.class);
        IngestLag lag = server.getApplicationContext().getBean(IngestLag.class);
        try (TestPublisher info = new TestPublisher(broker, gateway)) {
            for (int d = 0; d < devices; d++) {
                info.info(new DeviceInfo(rack.v(), gateway, LoadPublisher.device(d), rack.name() + "-" + d,
                        rack.kind(), rack.firmware(), rack.minRateHz(), rack.maxRateHz(),
                        Math.max(rack.minRateHz(), Math.min(rack.maxRateHz(), hz)), rack.unit(),
                        rack.contactThreshold(), rack.cells()));
            }
            Thread.sleep(2000);
            System.out.printf("%s, %d racks x %d Hz, %d samples/message: offered %d samples/s, %d messages/s, %d s%n",
                    db.postgres() ? "PostgreSQL" : "H2", devices, hz, perMessage, devices * hz,
                    devices * hz / perMessage, seconds);
            Process pub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LoadPublisher.class.getName(), broker, gateway,
                    String.valueOf(devices), String.valueOf(hz), String.valueOf(perMessage), String.valueOf(seconds))
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(pub.getInputStream()));
            long start = System.nanoTime();
            long cpuBefore = processCpuNanos();
            long before = counters.storedSamples();
            double maxP99 = 0;
            long maxLag = 0;
            long maxHeap = 0;
            long lastStored = before;
            while (pub.isAlive()) {
                pub.waitFor(10, TimeUnit.SECONDS);
                long stored = counters.storedSamples() - before;
                double p99 = lag.storeLagMs(0.99);
                long current = lag.currentLagMs();
                long heap = heapAfterGc();
                maxP99 = Math.max(maxP99, p99);
                maxLag = Math.max(maxLag, current);
                maxHeap = Math.max(maxHeap, heap);
                System.out.printf("  %5.0f s  stored %9d (%6.0f/s)  lag %6d ms  store lag p99 %7.1f ms  heap after GC %4d MB%n",
                        (System.nanoTime() - start) / 1e9, stored, (stored - (lastStored - before)) / 10.0,
                        current, p99, heap >> 20);
                lastStored = stored + before;
            }
            String summary = "";
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("offered ")) {
                    summary = line;
                }
            }
            if (summary.isEmpty()) {
                throw new IllegalStateException("the publisher failed (exit " + pub.exitValue() + ")");
            }
            long offered = Long.parseLong(summary.split(" ")[1]);
            long atEnd = counters.storedSamples() - before;
            long endNs = System.nanoTime();
            long deadline = endNs + TimeUnit.SECONDS.toNanos(drainSeconds);
            while (counters.storedSamples() - before < offered && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long drained = counters.storedSamples() - before;
            long cpu = processCpuNanos() - cpuBefore;
            System.out.println(summary);
            System.out.printf("stored/offered when publishing stopped  %.3f (%d of %d)%n", (double) atEnd / offered,
                    atEnd, offered);
            System.out.printf("stored/offered after draining           %.3f (%d of %d, %.1f s later)%n",
                    (double) drained / offered, drained, offered, (System.nanoTime() - endNs) / 1e9);
            System.out.printf("store lag p99 (2-minute windows, max)   %.1f ms; at the end %.1f ms; p50 %.1f ms%n",
                    maxP99, lag.storeLagMs(0.99), lag.storeLagMs(0.5));
            System.out.printf("current lag, max seen                   %d ms%n", maxLag);
            System.out.printf("heap after GC, max seen                 %d MB of %d MB%n", maxHeap >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            // CPU spent by this process (server and harness, not the publisher) per stored sample: a
            // figure that other load on the machine hardly changes, unlike rates
            System.out.printf("server process CPU per stored sample    %.1f us (%.1f CPU s)%n",
                    drained == 0 ? 0 : cpu / 1e3 / drained, cpu / 1e9);
        } finally {
            server.close();
            db.close();
        }
        System.exit(0);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Heap in use after the last collection of each heap pool: the live set, not garbage waiting. */
    private static long heapAfterGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }
}
