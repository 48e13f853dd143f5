package dev.spinetrack.server.guided.plan;

import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.server.engine.band.BandPosition;
import dev.spinetrack.server.engine.band.BandTime;
import dev.spinetrack.server.program.ProgramStep;

import java.util.ArrayList;
import java.util.List;

/** Mutable per-step accounting behind {@link StepResult}. */
final class StepTally {
    private final ProgramStep step;
    StepStatus status = StepStatus.PENDING;
    private long startedAt = -1;
    private long endedAt = -1;
    private long workMs;
    private int roundsDone;
    private final List<Integer> repsPerSet = new ArrayList<>();
    private final BandTime bandTime = new BandTime();

    StepTally(ProgramStep step) {
        this.step = step;
    }

    void begin(long now) {
        if (status == StepStatus.PENDING) {
            status = StepStatus.ACTIVE;
            startedAt = now;
        }
    }

    void work(Block b, long ms, int reps) {
        workMs += Math.max(0, ms);
        if (b.targetReps() > 0) {
            repsPerSet.add(reps);
        } else if (!step.bothSides() || b.side() != (step.regions().isEmpty() ? Side.LEFT
                : step.regions().get(0).side())) {
            roundsDone++;
        }
    }

    void band(BandPosition position, long ms) {
        bandTime.add(position, ms);
    }

    void complete(long now) {
        if (status == StepStatus.ACTIVE) {
            status = StepStatus.COMPLETED;
            endedAt = now;
        }
    }

    void skip(long now) {
        if (status == StepStatus.ACTIVE) {
            endedAt = now;
        }
        if (status != StepStatus.COMPLETED) {
            status = StepStatus.SKIPPED;
        }
    }

    void restore(StepResult r) {
        status = r.status();
        startedAt = r.startedAt();
        endedAt = r.endedAt();
        workMs = r.workMs();
        roundsDone = r.roundsDone();
        repsPerSet.clear();
        repsPerSet.addAll(r.repsPerSet());
        bandTime.restore(r.inZoneMs(), r.belowMs(), r.aboveMs());
    }

    StepResult result() {
        return result(0);
    }

    /** The result with {@code runningWorkMs} of a work block still running counted in. */
    StepResult result(long runningWorkMs) {
        return new StepResult(step.id(), step.title(), step.kind(), status, startedAt, endedAt,
                workMs + Math.max(0, runningWorkMs), roundsDone, repsPerSet, step.reps(), bandTime.inMs(),
                bandTime.belowMs(), bandTime.aboveMs());
    }
}
