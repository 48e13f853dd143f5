package dev.spinetrack.server.guided.run;

import dev.spinetrack.server.guided.plan.StepResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A stored guided session: what was run and each step's result.
 *
 * @param id          guided-session id
 * @param device      device id
 * @param programId   program id
 * @param session     server session of its samples
 * @param startedAt   server time, epoch ms
 * @param endedAt     server time, epoch ms; null while running
 * @param state       RUNNING, FINISHED or INTERRUPTED (it could not be resumed)
 * @param results     per-step results
 * @param endReason   finished, stopped, replaced, session-ended or cannot-resume; null while running
 * @param clockSkewMs server clock minus device clock as last measured, ms, or null
 */
@Serdeable
public record GuideRecord(long id, String device, String programId, long session, long startedAt,
                          @Nullable Long endedAt, String state, List<StepResult> results, @Nullable String endReason,
                          @Nullable Long clockSkewMs) {

    static GuideRecord of(StoredRun r) {
        return new GuideRecord(r.id(), r.device(), r.programId(), r.session(), r.startedAt(), r.endedAt(), r.state(),
                r.results(), r.endReason(), r.clockSkewMs());
    }
}
