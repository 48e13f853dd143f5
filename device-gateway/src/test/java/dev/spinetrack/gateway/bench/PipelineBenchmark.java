package dev.spinetrack.gateway.bench;

import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayConfig;
import dev.spinetrack.gateway.GatewayStats;
import dev.spinetrack.gateway.ble.sim.SimulatedCentral;
import dev.spinetrack.gateway.queue.FsyncPolicy;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples per second through reassemble + decode -> batch -> durable queue -> MQTT publish ->
 * PUBACK, with pre-packed notifications from {@code devices} firehose racks (4 cells, MTU 247).
 * The clock runs from the first connect until the broker has acknowledged every sample.
 * Arguments: brokerUrl devices framesPerDevice batchSize fsync(before-publish|never).
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String broker = args.length > 0 ? args[0] : "tcp://127.0.0.1:1883";
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        FsyncPolicy fsync = args.length > 4 ? FsyncPolicy.valueOf(args[4].toUpperCase().replace('-', '_'))
                : FsyncPolicy.BEFORE_PUBLISH;
        List<VirtualPeripheral> racks = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            racks.add(new FirehosePeripheral(String.format("B0:00:00:00:%02X:%02X", d >> 8, d & 0xFF), frames));
        }
        long total = (long) devices * frames;
        Path queue = Files.createTempDirectory("gw-bench");
        GatewayConfig cfg = GatewayConfig.defaults().withGatewayId("bench") // fixed id: reruns overwrite, not pile up, retained state
                .withBrokerUrl(broker).withQueue(queue, 1024L * 1024 * 1024, fsync)
                .withBatch(batch, Duration.ofMillis(20)).withScanInterval(Duration.ofMillis(50))
                .withReconnect(Duration.ofMillis(50), Duration.ofSeconds(1), 1000);
        long start = System.nanoTime();
        GatewayStats s;
        try (Gateway g = Gateway.start(cfg, new SimulatedCentral(() -> racks, () -> { }))) {
            do {
                Thread.sleep(5);
                s = g.stats();
            } while (s.samplesOut() < total);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d devices x %d samples = %d samples in %.2f s: %.0f samples/s "
                        + "(batch %d, fsync %s, broker %s; gaps %d, invalid %d)%n", devices, frames, total, secs,
                total / secs, batch, fsync, broker, s.gaps(), s.invalidFrames());
        System.exit(0);
    }
}
