package dev.spinetrack.server.engine.tracking;

import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.testing.ScenarioSamples;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of tracking one rack sample, per sample, over the rack-decompression scenario's whole
 * stream: the focus rule alone, and focus plus dwell, pressure statistics and band time (what
 * the session engine does per sample). Run by hand (docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(TrackingBenchmark.SAMPLES)
public class TrackingBenchmark {

    static final int SAMPLES = 10_000;

    private Sample[] samples;
    private SampleFocuser focuser;

    @Setup
    public void setUp() {
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", "bench").get(0);
        List<Sample> all = run.samples();
        if (all.size() < SAMPLES) {
            throw new IllegalStateException("scenario has only " + all.size() + " samples");
        }
        samples = all.subList(0, SAMPLES).toArray(new Sample[0]);
        focuser = new SampleFocuser(DeviceProfile.of(run.info()), new Timeline<>(null));
    }

    @Benchmark
    public void focus(Blackhole bh) {
        for (Sample s : samples) {
            bh.consume(focuser.focus(s));
        }
    }

    @Benchmark
    public TrackTotals focusAndDwell() {
        DwellTracker tracker = new DwellTracker(1000, t -> new PressureBand(10, 20, PressureUnit.KILOPASCAL));
        for (Sample s : samples) {
            tracker.accept(focuser.focus(s));
        }
        return tracker.totals();
    }
}
