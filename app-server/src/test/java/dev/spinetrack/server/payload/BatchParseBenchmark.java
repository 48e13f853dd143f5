package dev.spinetrack.server.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of reading one sample batch of a 32-cell rack from its MQTT payload, per batch: what the
 * ingest uses (the byte reader), the token reader and Jackson data binding (its fallbacks), with 2
 * samples (the gateway's default 20 ms batch at 100 Hz) and 500 (a full batch). Divide by
 * {@code samples} for the cost per sample. Run by hand (docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchParseBenchmark {

    @Param({"2", "500"})
    public int samples;

    private byte[] payload;
    private PayloadReader reader;
    private final SampleBatchReader tokens = new SampleBatchReader(
            JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

    @Setup
    public void setUp() throws Exception {
        List<Sample> src = ScenarioSamples.play("rack-decompression", "bench").get(0).samples();
        List<Sample> out = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            Sample s = src.get(src.size() / 2 + i);
            out.add(new Sample(1_000_000 + i, 1_700_000_000_000L + 10L * i, s.pitch(), s.roll(), s.p(), s.battery()));
        }
        payload = new ObjectMapper().writeValueAsBytes(SampleBatch.of("gw1", "be0000000001", 7, 0, out));
        reader = new PayloadReader();
        if (reader.readBatch(payload).samples().size() != samples) {
            throw new IllegalStateException("payload does not read back");
        }
    }

    /** What ingest uses: the byte reader, as the payload is plain. */
    @Benchmark
    public SampleBatch readBatch() {
        return reader.readBatch(payload);
    }

    @Benchmark
    public SampleBatch tokenReader() {
        return tokens.read(payload);
    }

    @Benchmark
    public SampleBatch dataBinding() {
        return reader.read(payload, SampleBatch.class);
    }
}
