package dev.spinetrack.server.guided.plan;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.program.RepAxis;
import dev.spinetrack.server.program.StepKind;

import java.util.List;

/**
 * What a guided session shows at one moment: the step, the block, timers and reps.
 *
 * @param state        ready, running or finished
 * @param programId    program id
 * @param programName  program name
 * @param stepIndex    0-based index of the current step (steps count when finished)
 * @param stepCount    number of steps
 * @param stepId       current step id, or null when finished
 * @param stepTitle    current step title, or null
 * @param stepKind     current step kind, or null
 * @param block        work, switch side or rest; null when not running
 * @param round        current round
 * @param rounds       rounds of the step
 * @param set          current set (counted steps)
 * @param sets         sets of the step (counted steps)
 * @param side         side being worked, or NONE
 * @param regions      spots of the block
 * @param spot         spot the user should be on now (a ball is tagged with it), or null
 * @param elapsedMs    time in the current block
 * @param remainingMs  time left in a timed block, or -1 when the block ends on reps or by hand
 * @param reps         reps counted in the current set
 * @param targetReps   reps that end the set, or 0
 * @param repAxis      axis reps are counted on, NONE when logged
 * @param band         target pressure band, or null
 * @param dwellTargetMs per-spot dwell target, or 0
 * @param nextTitle    title of the next step, or null
 * @param results      per-step results so far
 */
public record GuideSnapshot(SessionState state, String programId, String programName, int stepIndex, int stepCount,
                            String stepId, String stepTitle, StepKind stepKind, BlockKind block, int round,
                            int rounds, int set, int sets, Side side, List<Region> regions, Region spot,
                            long elapsedMs, long remainingMs, int reps, int targetReps, RepAxis repAxis,
                            PressureBand band, long dwellTargetMs, String nextTitle, List<StepResult> results) {
}
