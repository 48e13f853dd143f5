package dev.spinetrack.server.guided.run;

import dev.spinetrack.server.guided.plan.StepResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A stored guided session: what was run and each step's result.
 *
 * @param id        guided-session id
 * @param device    device id
 * @param programId program id
 * @param session   server session of its samples
 * @param startedAt server time, epoch ms
 * @param endedAt   server time, epoch ms; null while running
 * @param state     RUNNING, FINISHED or INTERRUPTED (the server stopped while it ran)
 * @param results   per-step results
 */
@Serdeable
public record GuideRecord(long id, String device, String programId, long session, long startedAt,
                          @Nullable Long endedAt, String state, List<StepResult> results) {
}
