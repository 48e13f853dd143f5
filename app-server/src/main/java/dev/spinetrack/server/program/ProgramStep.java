package dev.spinetrack.server.program;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.band.PressureBand;

import java.util.List;
import java.util.Objects;

/**
 * One step of a program. A step is either <em>timed</em> ({@code workMs > 0}: massage,
 * decompression) or <em>counted</em> ({@code sets > 0 && reps > 0}: mobilize, strengthen).
 *
 * @param id           short id, unique in its program (e.g. {@code cat-cow})
 * @param title        for people
 * @param kind         what the step asks
 * @param regions      spots worked, in order; for a ball the first is tagged first
 * @param bothSides    timed steps only: each round works {@code regions}, then their opposite side
 * @param rounds       timed steps: rounds (each round is one or both sides)
 * @param workMs       timed steps: work time per side per round; 0 for counted steps
 * @param sets         counted steps: sets; 0 for timed steps
 * @param reps         counted steps: target reps per set; 0 for timed steps
 * @param repAxis      counted steps: the tilt axis reps are counted on, or NONE when logged
 * @param repDetection thresholds for the rep counter
 * @param band         target focus-pressure band, or null when pressure does not matter
 * @param restMs       rest between rounds or sets
 * @param dwellTargetMs dwell per spot after which the cue says "move on"; 0 for none
 * @param notes        guidance for people (may be empty)
 */
public record ProgramStep(String id, String title, StepKind kind, List<Region> regions, boolean bothSides,
                          int rounds, long workMs, int sets, int reps, RepAxis repAxis,
                          RepDetection repDetection, PressureBand band, long restMs, long dwellTargetMs,
                          String notes) {
    public ProgramStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(repAxis, "repAxis");
        Objects.requireNonNull(repDetection, "repDetection");
        regions = List.copyOf(regions);
        notes = notes == null ? "" : notes;
        boolean timed = workMs > 0;
        boolean counted = sets > 0 && reps > 0;
        if (timed == counted) {
            throw new IllegalArgumentException("step " + id + " needs either a duration or sets and reps, not both");
        }
        if (timed && rounds < 1) {
            throw new IllegalArgumentException("step " + id + ": rounds must be >= 1, was " + rounds);
        }
        if (restMs < 0 || dwellTargetMs < 0) {
            throw new IllegalArgumentException("step " + id + ": rest and dwell target must be >= 0");
        }
        if (counted && bothSides) {
            throw new IllegalArgumentException("step " + id + ": sides apply to timed steps only");
        }
    }

    /** Whether the step runs on time rather than on reps. */
    public boolean timed() {
        return workMs > 0;
    }
}
