package dev.spinetrack.server.engine.feedback;

import dev.spinetrack.server.program.Program;
import dev.spinetrack.server.program.ProgramCatalog;
import dev.spinetrack.server.program.ProgramStep;
import dev.spinetrack.server.program.RepAxis;
import dev.spinetrack.simulator.Playback;
import dev.spinetrack.simulator.ScenarioPlayback;
import dev.spinetrack.simulator.SimulationOptions;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.SetTruth;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every mobilization set the simulator plays (several seeds, with and without transport
 * faults) through {@link RepCounter}, configured from the bundled three-step program's steps
 * exactly as a guided session would, compared with the ground truth's true reps.
 */
class SimulatedSetRepAccuracyTest {

    /** The counter starts this long before a set and runs this long after, as in a real session. */
    private static final long MARGIN_MS = 3_000;

    @Test
    void countsAtLeast95PercentOfSimulatedSetsExactly() {
        assertAccurate(0, "every sample (50 Hz)");
    }

    /** The server's live feed passes one frame per 50 ms of device time; the guided sessions count on those. */
    @Test
    void countsAtLeast95PercentOfSimulatedSetsExactlyOnTheThinnedLiveFeed() {
        assertAccurate(dev.spinetrack.server.live.LiveFeed.MIN_FRAME_INTERVAL_MS, "live feed (20 Hz)");
    }

    private static void assertAccurate(long minIntervalMs, String feed) {
        Program program = ProgramCatalog.load(null).get("three-step-ball").orElseThrow();
        String[] faults = {"", "drop=2%", "", "corrupt=0.5%", "", "drop=5%", "", "duplicate=1%"};
        int total = 0;
        int exact = 0;
        List<String> misses = new ArrayList<>();
        for (int seed = 1; seed <= 2 * faults.length; seed++) {
            Playback playback = ScenarioPlayback.run(new SimulationOptions("mobilization", seed, 1, false,
                    faults[(seed - 1) % faults.length]), 185);
            for (Playback.DeviceCapture capture : playback.devices()) {
                List<Playback.TimedFrame> frames = capture.frames();
                DeviceTruth truth = playback.truth().devices().stream()
                        .filter(d -> d.device().equals(capture.deviceId())).findFirst().orElseThrow();
                for (SetTruth set : truth.sets()) {
                    ProgramStep step = program.step(set.exercise());
                    RepCounter counter = new RepCounter(step.repDetection());
                    long lastT = Long.MIN_VALUE;
                    for (Playback.TimedFrame f : frames) {
                        if (f.epochMs() >= set.fromMs() - MARGIN_MS && f.epochMs() < set.toMs() + MARGIN_MS
                                && (lastT == Long.MIN_VALUE || f.epochMs() - lastT >= minIntervalMs)) {
                            lastT = f.epochMs();
                            counter.accept(f.epochMs(), step.repAxis() == RepAxis.PITCH
                                    ? f.frame().pitchDegrees() : f.frame().rollDegrees());
                        }
                    }
                    total++;
                    if (counter.reps() == set.reps()) {
                        exact++;
                    } else {
                        misses.add("seed " + seed + " [" + faults[(seed - 1) % faults.length] + "] " + set.exercise() + " true "
                                + set.reps() + " counted " + counter.reps());
                    }
                }
            }
        }
        double pct = 100.0 * exact / total;
        System.out.printf("Rep counts on simulated mobilization sets, %s: %d/%d exact (%.1f %%)%s%n", feed, exact,
                total, pct,
                misses.isEmpty() ? "" : "; misses: " + misses);
        assertTrue(total >= 40, "expected the scenario to hold sets, got " + total);
        assertTrue(pct >= 95, pct + " % exact; misses: " + misses);
    }
}
