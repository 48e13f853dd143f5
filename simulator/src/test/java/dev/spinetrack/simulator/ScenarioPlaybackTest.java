package dev.spinetrack.simulator;

import dev.spinetrack.simulator.scenario.ScenarioCatalog;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.RegionTruth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioPlaybackTest {

    @ParameterizedTest
    @ValueSource(strings = {"massage", "rack-decompression", "mobilization", "studio"})
    void groundTruthMatchesARecomputationFromTheDecodedNotifications(String name) {
        Playback run = Simulation.runToCompletion(new SimulationOptions(name, 7, 60, false, ""), 247);

        assertEquals(ScenarioCatalog.load(name).devices().size(), run.devices().size());
        for (int d = 0; d < run.devices().size(); d++) {
            Playback.DeviceCapture capture = run.devices().get(d);
            DeviceTruth truth = run.truth().devices().get(d);
            List<Playback.TimedFrame> frames = capture.frames();
            assertEquals(truth.samples(), frames.size(), "every emitted frame arrives when no fault is injected");
            IndependentTruth again = IndependentTruth.of(frames, capture.capabilities(), truth.regionSpans());
            assertEquals(again.gapMs, truth.gapMs(), "gap of " + capture.deviceId());
            assertEquals(again.regions.keySet(), truth.regions().keySet(), "regions of " + capture.deviceId());
            again.regions.forEach((region, stats) -> {
                RegionTruth t = truth.regions().get(region);
                assertEquals(stats.dwellMs(), t.dwellMs(), region + " dwell");
                assertEquals(stats.mean(), t.meanPressure(), 1e-9, region + " mean");
                assertEquals(stats.peak(), t.peakPressure(), 1e-9, region + " peak");
                assertEquals(stats.p95(), t.p95Pressure(), 1e-9, region + " p95");
            });
            boolean exercises = ScenarioCatalog.load(name).devices().get(d).script().stream()
                    .anyMatch(s -> s.kind().isExercise());
            assertEquals(exercises, !truth.sets().isEmpty());
            if (!exercises) {
                assertFalse(truth.regions().isEmpty(), "a massage or rack device dwells somewhere");
            }
        }
        assertTrue(run.truth().faults().isEmpty());
    }
}
