package dev.spinetrack.server.payload;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.SampleBundle;
import dev.spinetrack.server.testing.ScenarioSamples;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of reading {@code batches} two-sample batches of 32-cell racks (the gateway's 20 ms batches
 * at 100 Hz) as one sample bundle (PROTOCOL.md §7.7: the byte scanner that cuts it, then each
 * batch read in place) against the same batches as separate payloads, per operation (all
 * batches). Divide by {@code batches} for the cost per batch. Run by hand (docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BundleParseBenchmark {

    @Param({"40"})
    public int batches;

    private byte[] bundle;
    private final List<byte[]> alone = new ArrayList<>();
    private PayloadReader reader;

    @Setup
    public void setUp() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Sample> src = ScenarioSamples.play("rack-decompression", "bench").get(0).samples();
        List<SampleBatch> list = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<Sample> out = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Sample s = src.get(src.size() / 2 + 2 * b + i);
                out.add(new Sample(1_000_000 + i, 1_700_000_000_000L + 10L * i, s.pitch(), s.roll(), s.p(), s.battery()));
            }
            SampleBatch batch = SampleBatch.of("gw1", String.format("be00000000%02x", b), 7, 0, out);
            list.add(batch);
            alone.add(json.writeValueAsBytes(batch));
        }
        bundle = json.writeValueAsBytes(SampleBundle.of("gw1", list));
        reader = new PayloadReader();
        BundleSlices slices = reader.splitBundle(bundle);
        if (slices.size() != batches || !reader.readBatch(bundle, slices.offset(1), slices.length(1)).equals(list.get(1))) {
            throw new IllegalStateException("the bundle does not read back");
        }
    }

    /** What ingest does with a bundle: cut it, then read each batch in place. */
    @Benchmark
    public void bundle(Blackhole bh) {
        BundleSlices slices = reader.splitBundle(bundle);
        for (int i = 0; i < slices.size(); i++) {
            bh.consume(reader.readBatch(bundle, slices.offset(i), slices.length(i)));
        }
    }

    /** The same batches, each its own payload (one MQTT message each). */
    @Benchmark
    public void alone(Blackhole bh) {
        for (byte[] payload : alone) {
            bh.consume(reader.readBatch(payload));
        }
    }
}
