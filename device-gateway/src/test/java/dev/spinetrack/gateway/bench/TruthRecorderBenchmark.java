package dev.spinetrack.gateway.bench;

import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.simulator.device.DeviceProfiles;
import dev.spinetrack.simulator.truth.TruthRecorder;
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

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What the simulator's ground truth costs per emitted sample of a 32-cell rack. In {@code sim}
 * mode the simulator runs in the gateway's JVM, so at 200 racks x 100 Hz this runs 20,000 times
 * a second beside the gateway's own work. One call is one sample of the next of 200 racks, as
 * the simulator emits them, so each rack's tallies are as far from the CPU's caches as in a run;
 * frames come from 65,536 pre-made pressure patterns (in contact, focus moving along the spine,
 * noise of a few thousand counts, so the tallies hold thousands of distinct values). Run by hand:
 * {@code ./mvnw -B -pl device-gateway test-compile exec:exec@jmh -Djmh.args="TruthRecorderBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TruthRecorderBenchmark {

    private static final int PATTERNS = 65_536;
    private static final int RACKS = 200;

    private final SampleFrame[] frames = new SampleFrame[PATTERNS];
    private final TruthRecorder[] racks = new TruthRecorder[RACKS];
    private long t;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(3);
        int cells = DeviceProfiles.RACK.channelCount();
        for (int i = 0; i < PATTERNS; i++) {
            int[] p = new int[cells];
            int centre = (i / 64) % cells;
            for (int c = 0; c < cells; c++) {
                int d = Math.abs(c - centre);
                p[c] = d < 4 ? 20_000 - 4_000 * d + random.nextInt(4_000) : random.nextInt(200);
            }
            frames[i] = new SampleFrame(i, 10L * i, 0, 0, p, SampleFrame.NO_BATTERY, false, true);
        }
        for (int r = 0; r < RACKS; r++) {
            racks[r] = new TruthRecorder(String.format("c0ffee%06x", r), DeviceProfiles.RACK);
        }
    }

    @Benchmark
    public TruthRecorder acceptOneSample() {
        int n = next++;
        TruthRecorder truth = racks[n % RACKS];
        if (n % RACKS == 0) {
            t += 10;
        }
        truth.accept(frames[n & (PATTERNS - 1)], t, null);
        return truth;
    }
}
