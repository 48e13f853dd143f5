package dev.spinetrack.simulator.device;

import dev.spinetrack.simulator.scenario.Step;
import dev.spinetrack.simulator.truth.SetTruth;

import java.util.ArrayList;
import java.util.List;

/** Reports each scripted exercise set once it is over, with its scenario times. */
final class SetTracker {

    /** A finished set, in absolute scenario ms. */
    record ScriptedSet(String exercise, int reps, long fromMs, long toMs) {
        SetTruth toTruth(DeviceClock clock) {
            return new SetTruth(exercise, reps, clock.epochMs(fromMs), clock.epochMs(toMs));
        }
    }

    private final Timeline timeline;
    private int iteration;
    private int step;

    SetTracker(Timeline timeline) {
        this.timeline = timeline;
    }

    /** Sets that ended at or before {@code toMs} and were not reported yet. */
    List<ScriptedSet> completedBefore(long toMs, long scenarioMs, boolean loop) {
        List<ScriptedSet> out = new ArrayList<>(0);
        List<Step> steps = timeline.steps();
        while (true) {
            if (step >= steps.size()) {
                if (!loop || scenarioMs <= 0) {
                    return out;
                }
                iteration++;
                step = 0;
            }
            long offset = iteration * scenarioMs;
            Step s = steps.get(step);
            long end = offset + timeline.startOf(step) + s.durationMs();
            if (end > toMs) {
                return out;
            }
            if (s.kind().isExercise()) {
                out.add(new ScriptedSet(s.kind().id(), s.reps(), offset + timeline.startOf(step), end));
            }
            step++;
        }
    }
}
