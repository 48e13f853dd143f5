package dev.spinetrack.server.guided.plan;

import java.util.List;

/**
 * Everything a {@link GuidedSession} needs to carry on where it stood: stored on every change
 * of a guided run so another instance (or this one after a restart) can resume it.
 *
 * @param state      ready, running or finished
 * @param blockIndex index of the current block (-1 before start, the plan size when finished)
 * @param blockStart device time the current block began, epoch ms
 * @param reps       reps counted in the current set
 * @param spotIndex  index of the spot worked in the current block
 * @param results    each step's result so far, in program order
 */
public record GuideProgress(SessionState state, int blockIndex, long blockStart, int reps, int spotIndex,
                            List<StepResult> results) {
    public GuideProgress {
        results = results == null ? List.of() : List.copyOf(results); // absent when stored empty
    }
}
