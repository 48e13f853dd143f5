package dev.spinetrack.server.storage;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Cost of the stored form of one 32-cell sample's pressures (doubles in Base64) each way, per
 * sample. Run by hand (docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PressureEncodingBenchmark {

    private double[] pressures;
    private String encoded;

    @Setup
    public void setUp() {
        pressures = new double[32];
        for (int i = 0; i < pressures.length; i++) {
            pressures[i] = i % 3 == 0 ? 0.0 : 1.25 + 0.37 * i;
        }
        encoded = PressureCodec.encode(pressures);
    }

    @Benchmark
    public String encode() {
        return PressureCodec.encode(pressures);
    }

    @Benchmark
    public double[] decode() {
        return PressureCodec.decode(encoded);
    }
}
