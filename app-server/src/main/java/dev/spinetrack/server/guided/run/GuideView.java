package dev.spinetrack.server.guided.run;

import dev.spinetrack.server.engine.feedback.BandCue;
import dev.spinetrack.server.engine.feedback.SpotDwell;
import dev.spinetrack.server.guided.plan.CoachView;
import dev.spinetrack.server.guided.plan.GuideSnapshot;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A guided session as the API and the {@code guide} live event show it.
 *
 * @param id        guided-session id
 * @param device    device id
 * @param session   server session the samples go to
 * @param programId program id
 * @param startedAt server time it was started, epoch ms
 * @param snapshot  step, block, timer, reps and results
 * @param bandCue   lighter / in zone / harder, or null
 * @param dwell     dwell on the spot and hold / move on, or null
 * @param pressure  latest focus pressure
 * @param contact   latest contact
 * @param at        device time of the view, epoch ms
 * @param timeRate  device ms per wall ms (1 for a real device)
 */
@Serdeable
public record GuideView(long id, String device, long session, String programId, long startedAt,
                        GuideSnapshot snapshot, @Nullable BandCue bandCue, @Nullable SpotDwell dwell,
                        double pressure, boolean contact, long at, double timeRate) {

    static GuideView of(GuideRun run) {
        CoachView v = run.coach.view();
        return new GuideView(run.id, run.device, run.session, run.coach.session().program().id(), run.startedAt,
                v.snapshot(), v.bandCue(), v.dwell(), v.pressure(), v.contact(), v.at(), run.timeRate());
    }
}
