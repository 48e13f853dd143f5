package dev.spinetrack.server.guided.run;

import dev.spinetrack.server.engine.feedback.BandCue;
import dev.spinetrack.server.engine.feedback.SpotDwell;
import dev.spinetrack.server.guided.plan.CoachView;
import dev.spinetrack.server.guided.plan.GuideSnapshot;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A guided session as the API and the {@code guide} live event show it.
 * <p>Snapshot states: {@code READY} from the start request until the device's first sample
 * after it (the snapshot already shows the first block, with its full time left);
 * {@code RUNNING}; {@code FINISHED} when every block is done, or it was stopped, replaced or
 * could not be resumed ({@code endReason} says which).
 *
 * @param id          guided-session id
 * @param device      device id
 * @param session     server session the samples go to
 * @param programId   program id
 * @param startedAt   server time it was started, epoch ms
 * @param snapshot    step, block, timer, reps and results
 * @param bandCue     lighter / in zone / harder, or null
 * @param dwell       dwell on the spot and hold / move on, or null
 * @param pressure    latest focus pressure
 * @param contact     latest contact
 * @param at          device time of the view (of the last sample coached), epoch ms; 0 before the first
 * @param timeRate    device ms per wall ms (1 for a real device)
 * @param clockSkewMs server clock minus device clock, ms, measured on the samples received live
 *                    (includes the fastest transport delay); null until measured
 * @param endReason   finished, stopped, replaced, session-ended or cannot-resume; null while it runs
 */
@Serdeable
public record GuideView(long id, String device, long session, String programId, long startedAt,
                        GuideSnapshot snapshot, @Nullable BandCue bandCue, @Nullable SpotDwell dwell,
                        double pressure, boolean contact, long at, double timeRate, @Nullable Long clockSkewMs,
                        @Nullable String endReason) {

    static GuideView of(GuideRun run) {
        CoachView v = run.coach.view();
        return new GuideView(run.id, run.device, run.session, run.programId, run.startedAt, v.snapshot(), v.bandCue(),
                v.dwell(), v.pressure(), v.contact(), v.at(), run.timeRate(), run.skew.skewMs(), run.endReason);
    }
}
