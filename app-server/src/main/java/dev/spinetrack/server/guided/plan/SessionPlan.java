package dev.spinetrack.server.guided.plan;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.server.program.Program;
import dev.spinetrack.server.program.ProgramStep;

import java.util.ArrayList;
import java.util.List;

/**
 * A program unrolled into blocks: for a timed step, each round works the listed side and, for
 * {@code sides: both}, switches and works the mirrored regions, with a rest between rounds;
 * for a counted step, each set is a work block with a rest between sets.
 *
 * @param program the program
 * @param blocks  the blocks in order
 */
public record SessionPlan(Program program, List<Block> blocks) {

    /** Default time given to turn to the other side. */
    public static final long DEFAULT_SWITCH_MS = 10_000;

    public SessionPlan {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one block");
        }
    }

    /** Unrolls a program with the default side-switch time. */
    public static SessionPlan of(Program program) {
        return of(program, DEFAULT_SWITCH_MS);
    }

    /** Unrolls a program; {@code switchMs} is the time given to turn to the other side. */
    public static SessionPlan of(Program program, long switchMs) {
        if (switchMs <= 0) {
            throw new IllegalArgumentException("switchMs must be > 0, was " + switchMs);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < program.steps().size(); i++) {
            ProgramStep s = program.steps().get(i);
            if (s.timed()) {
                for (int r = 1; r <= s.rounds(); r++) {
                    if (s.bothSides()) {
                        Side first = firstSide(s.regions());
                        blocks.add(new Block(BlockKind.WORK, i, r, s.rounds(), 0, 0, first, s.regions(), s.workMs(), 0));
                        blocks.add(new Block(BlockKind.SWITCH_SIDE, i, r, s.rounds(), 0, 0, opposite(first),
                                mirrored(s.regions()), switchMs, 0));
                        blocks.add(new Block(BlockKind.WORK, i, r, s.rounds(), 0, 0, opposite(first),
                                mirrored(s.regions()), s.workMs(), 0));
                    } else {
                        blocks.add(new Block(BlockKind.WORK, i, r, s.rounds(), 0, 0, Side.NONE, s.regions(), s.workMs(), 0));
                    }
                    if (r < s.rounds() && s.restMs() > 0) {
                        blocks.add(new Block(BlockKind.REST, i, r, s.rounds(), 0, 0, Side.NONE, List.of(), s.restMs(), 0));
                    }
                }
            } else {
                for (int set = 1; set <= s.sets(); set++) {
                    blocks.add(new Block(BlockKind.WORK, i, 1, 1, set, s.sets(), Side.NONE, s.regions(), 0, s.reps()));
                    if (set < s.sets() && s.restMs() > 0) {
                        blocks.add(new Block(BlockKind.REST, i, 1, 1, set, s.sets(), Side.NONE, List.of(), s.restMs(), 0));
                    }
                }
            }
        }
        return new SessionPlan(program, blocks);
    }

    private static Side firstSide(List<Region> regions) {
        return regions.isEmpty() ? Side.LEFT : regions.get(0).side();
    }

    private static Side opposite(Side side) {
        return side == Side.LEFT ? Side.RIGHT : Side.LEFT;
    }

    private static List<Region> mirrored(List<Region> regions) {
        return regions.stream().map(Region::opposite).toList();
    }
}
