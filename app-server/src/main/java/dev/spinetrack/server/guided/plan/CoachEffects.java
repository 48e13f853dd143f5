package dev.spinetrack.server.guided.plan;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.band.PressureBand;

/**
 * What the server must do after a coach call: re-tag a ball's region, set the target band,
 * publish the new state.
 *
 * @param changed whether the view changed enough to publish (block, reps or a cue)
 * @param tag     region to tag the ball with from now on, or null to leave it
 * @param band    band to set from now on, or null to leave it
 */
public record CoachEffects(boolean changed, Region tag, PressureBand band) {

    /** Nothing to do. */
    public static final CoachEffects NONE = new CoachEffects(false, null, null);
}
