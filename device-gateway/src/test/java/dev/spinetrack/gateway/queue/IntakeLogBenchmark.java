package dev.spinetrack.gateway.queue;

import dev.spinetrack.protocol.mqtt.Sample;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the intake log costs the gateway per sample at its default batching: a 32-cell rack's
 * sample recorded, and every second sample a seal marker (a 20 ms batch at 100 Hz holds two).
 * 200 racks at 100 Hz make 20,000 of these a second. The log lives in {@code target/} (the
 * gateway's data directory sits on a disk, not tmpfs). Run by hand:
 * {@code ./mvnw -B -pl device-gateway test-compile exec:exec@jmh -Djmh.args="IntakeLogBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IntakeLogBenchmark {

    private static final String DEVICE = "c0ffee000001";

    private Path dir;
    private IntakeLog log;
    private Sample[] samples;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Files.createDirectories(Path.of("target"));
        dir = Files.createTempDirectory(Path.of("target"), "intake-bench-");
        log = IntakeLog.open(dir);
        Random random = new Random(1);
        samples = new Sample[1024];
        for (int i = 0; i < samples.length; i++) {
            double[] p = new double[32];
            for (int c = 0; c < p.length; c++) {
                p[c] = random.nextInt(4) == 0 ? 0 : random.nextInt(65_536) * 125 / 1000.0;
            }
            samples[i] = new Sample(i, 1_764_000_000_000L + 10L * i, (random.nextInt(6_001) - 3_000) / 100.0,
                    (random.nextInt(6_001) - 3_000) / 100.0, p, i % 100 == 0 ? 87 : null);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        log.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** One sample received; every second one also seals the device's batch. */
    @Benchmark
    public void sampleOfATwoSampleBatch() {
        int i = next++ & (samples.length - 1);
        log.received(DEVICE, 3, samples[i]);
        if ((i & 1) == 1) {
            log.sealed(DEVICE);
        }
    }
}
