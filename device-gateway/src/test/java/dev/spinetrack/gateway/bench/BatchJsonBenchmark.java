package dev.spinetrack.gateway.bench;

import dev.spinetrack.gateway.mqtt.Json;
import dev.spinetrack.gateway.mqtt.SampleBatchJson;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one sample batch's JSON: Jackson's data binding with its fast double writer (what the
 * gateway used) against {@link SampleBatchJson}, for a 32-cell rack's batch of 2 samples (the
 * default 20 ms batch at 100 Hz) and of 50. Values as a rack sends them: pressures
 * {@code raw × 0.125}, angles in centi-degrees. Run by hand:
 * {@code ./mvnw -B -pl device-gateway test-compile exec:exec@jmh -Djmh.args="BatchJson -f 1 -wi 3 -i 5"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchJsonBenchmark {

    @Param({"2", "50"})
    public int samples;

    private SampleBatch batch;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        List<Sample> list = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            double[] p = new double[32];
            for (int c = 0; c < p.length; c++) {
                p[c] = random.nextInt(4) == 0 ? 0 : random.nextInt(65_536) * 125 / 1000.0;
            }
            list.add(new Sample(1_000_000 + i, 1_764_000_000_000L + 10L * i,
                    (random.nextInt(6_001) - 3_000) / 100.0, (random.nextInt(6_001) - 3_000) / 100.0, p,
                    i == 0 ? 87 : null));
        }
        batch = SampleBatch.of("studio-gw", "c0ffee000001", 3, 12_345, 1_764_000_000_020L, list);
    }

    @Benchmark
    public byte[] jackson() {
        return Json.bytes(batch);
    }

    @Benchmark
    public byte[] handWritten() {
        return SampleBatchJson.bytes(batch);
    }
}
