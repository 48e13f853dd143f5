package dev.spinetrack.server.guided.plan;

import dev.spinetrack.server.engine.feedback.BandCue;
import dev.spinetrack.server.engine.feedback.SpotDwell;

/**
 * A guided session as the dashboard shows it: the session's snapshot plus the live cues.
 *
 * @param snapshot step, block, timer and reps
 * @param bandCue  lighter / in zone / harder, or null when the block has no band or no sample yet
 * @param dwell    dwell on the current spot and hold / move on, or null when the step has no target
 * @param pressure latest focus pressure
 * @param contact  whether the latest sample was in contact
 * @param at       device time of the snapshot, epoch ms
 */
public record CoachView(GuideSnapshot snapshot, BandCue bandCue, SpotDwell dwell, double pressure, boolean contact,
                        long at) {
}
