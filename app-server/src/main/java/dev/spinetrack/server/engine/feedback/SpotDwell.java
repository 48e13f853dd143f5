package dev.spinetrack.server.engine.feedback;

import dev.spinetrack.protocol.region.Region;

/**
 * Dwell on the spot being worked and the cue for it.
 *
 * @param region   the focus region, or null when there is no contact yet
 * @param dwellMs  dwell accumulated on it
 * @param targetMs the dwell target
 * @param cue      hold or move on
 */
public record SpotDwell(Region region, long dwellMs, long targetMs, DwellCue cue) {
}
