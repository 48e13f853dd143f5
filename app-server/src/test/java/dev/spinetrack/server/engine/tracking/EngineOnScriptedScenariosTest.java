package dev.spinetrack.server.engine.tracking;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.simulator.truth.RegionSpan;
import dev.spinetrack.simulator.truth.RegionTruth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fast unit test of the tracking engine alone on every bundled scenario, not the accuracy
 * proof: samples built straight from the simulator's frames (no gateway, no broker) and a ball's
 * regions taken from the script's own spans, checked against the simulator's ground truth
 * within max(0.5 %, 50 ms) dwell, 0.1 % mean and peak, the sketch's accuracy for p95, and equal
 * data-gap time; no dwell where the truth has none (mobilization is all exercise, no contact).
 * The pipeline, the user's tags and 0 ms tolerances are
 * {@link dev.spinetrack.server.accuracy.GatewayPipelineAccuracyIT}.
 */
class EngineOnScriptedScenariosTest {

    static List<String> scenarios() {
        return ScenarioSamples.BUNDLED;
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void trackerMatchesGroundTruth(String scenario) {
        List<ScenarioSamples.DeviceRun> runs = ScenarioSamples.play(scenario, "gw-accuracy");
        assertFalse(runs.isEmpty(), "scenario " + scenario + " has devices");
        assertTrue(runs.stream().allMatch(r -> r.samples().size() > 100), scenario + " streams samples");
        for (ScenarioSamples.DeviceRun run : runs) {
            DeviceProfile profile = DeviceProfile.of(run.info());
            Timeline<Region> tags = new Timeline<>(null);
            if (profile.kind() == DeviceKind.BALL) {
                for (RegionSpan span : run.scriptedSpans()) {
                    tags.set(span.fromMs(), span.region());
                    tags.set(span.toMs(), null);
                }
                // spans touch end to start: a later span's start wins over an earlier span's end
                for (RegionSpan span : run.scriptedSpans()) {
                    tags.set(span.fromMs(), span.region());
                }
            }
            SampleFocuser focuser = new SampleFocuser(profile, tags);
            DwellTracker tracker = new DwellTracker(1000, t -> new PressureBand(0, 1000, run.info().unit()));
            for (Sample s : run.samples()) {
                tracker.accept(focuser.focus(s));
            }
            Map<Region, RegionStats> got = new EnumMap<>(Region.class);
            tracker.regions().forEach(r -> got.put(r.region(), r));
            String who = scenario + " device " + run.info().device();
            for (Map.Entry<Region, RegionTruth> e : run.truth().regions().entrySet()) {
                RegionTruth want = e.getValue();
                RegionStats have = got.get(e.getKey());
                String where = who + " " + e.getKey();
                assertTrue(have != null, where + " tracked");
                double tolerance = Math.max(0.005 * want.dwellMs(), 50);
                assertEquals(want.dwellMs(), have.dwellMs(), tolerance, where + " dwell");
                assertEquals(want.meanPressure(), have.meanPressure(), 0.001 * want.meanPressure() + 1e-9,
                        where + " mean");
                assertEquals(want.peakPressure(), have.peakPressure(), 0.001 * want.peakPressure() + 1e-9,
                        where + " peak");
                assertEquals(want.p95Pressure(), have.p95Pressure(),
                        PressureSketch.RELATIVE_ACCURACY * want.p95Pressure() + 1e-9, where + " p95");
            }
            for (RegionStats r : got.values()) {
                if (r.dwellMs() > 0) {
                    assertTrue(run.truth().regions().containsKey(r.region()), who + " " + r.region()
                            + " tracked but absent from the truth");
                }
            }
            assertEquals(run.truth().gapMs(), tracker.totals().gapMs(), Math.max(50, 0.005 * run.truth().gapMs()),
                    who + " data gaps");
        }
    }
}
