package dev.spinetrack.server.guided.plan;

import dev.spinetrack.server.program.StepKind;

import java.util.List;

/**
 * What the user did in one step of a guided session.
 *
 * @param stepId     program step id
 * @param title      step title
 * @param kind       step kind
 * @param status     how the step ended (or that it is still pending or active)
 * @param startedAt  time the step began, or -1
 * @param endedAt    time the step ended, or -1
 * @param workMs     time spent in its work blocks
 * @param roundsDone timed steps: rounds whose work blocks all ran
 * @param repsPerSet counted steps: reps counted or logged per finished set
 * @param targetReps counted steps: target reps per set
 * @param inZoneMs   time the focus pressure was inside the target band
 * @param belowMs    time below the band (cue: harder)
 * @param aboveMs    time above the band (cue: lighter)
 */
public record StepResult(String stepId, String title, StepKind kind, StepStatus status, long startedAt, long endedAt,
                         long workMs, int roundsDone, List<Integer> repsPerSet, int targetReps,
                         long inZoneMs, long belowMs, long aboveMs) {
    public StepResult {
        // JSON writers leave empty lists out (Micronaut Serde's default), so absent reads as none.
        repsPerSet = repsPerSet == null ? List.of() : List.copyOf(repsPerSet);
    }
}
