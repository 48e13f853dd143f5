package dev.spinetrack.server.guided.plan;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.Side;

import java.util.List;
import java.util.Objects;

/**
 * One block of a session plan.
 *
 * @param kind       work, side switch or rest
 * @param stepIndex  index of the program step the block belongs to
 * @param round      1-based round of a timed step (1 for counted steps)
 * @param rounds     rounds of the step
 * @param set        1-based set of a counted step (0 for timed steps)
 * @param sets       sets of the step (0 for timed steps)
 * @param side       side worked in a timed both-sides step, else NONE
 * @param regions    spots of this block (already mirrored for the right side)
 * @param durationMs how long the block lasts; 0 when it ends on reps or on the user's word
 * @param targetReps reps that end a counted work block; 0 otherwise
 */
public record Block(BlockKind kind, int stepIndex, int round, int rounds, int set, int sets, Side side,
                    List<Region> regions, long durationMs, int targetReps) {
    public Block {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(side, "side");
        regions = List.copyOf(regions);
        if (durationMs < 0 || targetReps < 0) {
            throw new IllegalArgumentException("duration and target reps must be >= 0");
        }
    }

    /** Whether the block ends when its time is up. */
    public boolean timed() {
        return durationMs > 0;
    }
}
