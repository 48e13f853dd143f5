package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.mqtt.Sample;
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
 * Cost of a stored block of 32-cell samples each way, per block of {@code samples}: the
 * {@link PackedBlock} bytes written on every insert and read on every replay, and the
 * {@link SampleBlock} text they replaced (still read for older blocks). Run by hand
 * (docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SampleBlockBenchmark {

    /** Samples per block: the gateway's 20 ms batch at 100 Hz, and a flood batch. */
    @Param({"2", "500"})
    public int samples;
    private List<Sample> block;
    private String text;
    private byte[] packed;

    @Setup
    public void setUp() {
        block = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            double[] p = new double[32];
            for (int c = 0; c < p.length; c++) {
                p[c] = (i + c) % 3 == 0 ? 0.0 : 1.25 + 0.37 * c + i * 0.001;
            }
            block.add(new Sample(1_000_000L + i, 1_764_000_000_000L + 10L * i, 12.5 + i * 0.01, -3.25, p,
                    i % 50 == 0 ? 87 : null));
        }
        text = SampleBlock.encode(block);
        packed = PackedBlock.encode(block);
    }

    @Benchmark
    public byte[] packedEncode() {
        return PackedBlock.encode(block);
    }

    @Benchmark
    public List<Sample> packedDecode() {
        return PackedBlock.decode(packed);
    }

    @Benchmark
    public long[] packedSeqs() {
        return PackedBlock.seqs(packed);
    }

    @Benchmark
    public String encode() {
        return SampleBlock.encode(block);
    }

    @Benchmark
    public List<Sample> decode() {
        return SampleBlock.decode(text);
    }

    @Benchmark
    public long[] seqs() {
        return SampleBlock.seqs(text);
    }
}
