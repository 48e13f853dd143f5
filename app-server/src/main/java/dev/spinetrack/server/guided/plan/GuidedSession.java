package dev.spinetrack.server.guided.plan;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.server.engine.band.BandPosition;
import dev.spinetrack.server.program.Program;
import dev.spinetrack.server.program.ProgramStep;
import dev.spinetrack.server.program.RepAxis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link SessionPlan} block by block. It has no clock of its own: every call passes
 * the current time, so tests and replays drive it exactly. Timed blocks end when their time is
 * up (a late tick ends them at their due time, so rounds do not drift); counted blocks end when
 * the target reps are reached; logged sets end when the user logs them; the user may advance
 * or skip a step at any time. Not thread-safe: its owner serialises calls.
 */
public final class GuidedSession {

    private final SessionPlan plan;
    private final List<StepTally> tallies = new ArrayList<>();
    private SessionState state = SessionState.READY;
    private int blockIndex = -1;
    private long blockStart;
    private int reps;
    private int spotIndex;

    public GuidedSession(SessionPlan plan) {
        this.plan = plan;
        for (ProgramStep s : plan.program().steps()) {
            tallies.add(new StepTally(s));
        }
    }

    /**
     * A session carrying on from stored progress.
     *
     * @throws IllegalArgumentException when the progress does not fit the plan (the program changed)
     */
    public static GuidedSession resume(SessionPlan plan, GuideProgress p) {
        GuidedSession s = new GuidedSession(plan);
        if (p.results().size() != s.tallies.size() || p.blockIndex() < -1 || p.blockIndex() > plan.blocks().size()
                || (p.state() == SessionState.RUNNING && p.blockIndex() >= plan.blocks().size())) {
            throw new IllegalArgumentException("stored progress does not fit program " + plan.program().id());
        }
        for (int i = 0; i < p.results().size(); i++) {
            StepResult r = p.results().get(i);
            if (!r.stepId().equals(plan.program().steps().get(i).id())) {
                throw new IllegalArgumentException("step " + i + " of program " + plan.program().id() + " is now "
                        + plan.program().steps().get(i).id() + ", was " + r.stepId());
            }
            s.tallies.get(i).restore(r);
        }
        s.state = p.state();
        s.blockIndex = p.blockIndex();
        s.blockStart = p.blockStart();
        s.reps = p.reps();
        s.spotIndex = p.spotIndex();
        return s;
    }

    /** Where the session stands, to store and {@link #resume} from. */
    public GuideProgress progress() {
        return new GuideProgress(state, blockIndex, blockStart, reps, spotIndex, results());
    }

    /** A session over a program with the default side-switch time. */
    public static GuidedSession of(Program program) {
        return new GuidedSession(SessionPlan.of(program));
    }

    public Program program() {
        return plan.program();
    }

    public SessionState state() {
        return state;
    }

    /** Starts the first block. */
    public void start(long now) {
        if (state != SessionState.READY) {
            throw new IllegalStateException("session already " + state.name().toLowerCase());
        }
        state = SessionState.RUNNING;
        enter(0, now);
    }

    /**
     * Advances over every timed block whose time is up by {@code now}.
     *
     * @return whether the current block changed
     */
    public boolean tick(long now) {
        boolean changed = false;
        while (state == SessionState.RUNNING) {
            Block b = plan.blocks().get(blockIndex);
            if (!b.timed() || now - blockStart < b.durationMs()) {
                break;
            }
            finishBlock(blockStart + b.durationMs());
            changed = true;
        }
        return changed;
    }

    /**
     * Holds the clock of a timed work block for {@code ms}: the block ends that much later. A
     * ball off the back is not massage, so its time is not counted against the block.
     */
    public void hold(long ms) {
        Optional<Block> b = currentBlock();
        if (ms > 0 && b.isPresent() && b.get().timed() && b.get().kind() == BlockKind.WORK) {
            blockStart += ms;
        }
    }

    /**
     * Counts one sensed rep in the current set; the set ends when its target is reached.
     *
     * @return whether the current block changed
     */
    public boolean countRep(long now) {
        Optional<Block> b = currentBlock();
        if (b.isEmpty() || b.get().kind() != BlockKind.WORK || b.get().targetReps() == 0) {
            return false;
        }
        reps++;
        if (reps >= b.get().targetReps()) {
            finishBlock(now);
            return true;
        }
        return false;
    }

    /**
     * Logs a set the user did (strengthening, or a sensed set the sensor missed) and ends it.
     *
     * @throws IllegalStateException when the current block is not a set
     */
    public void logSet(int loggedReps, long now) {
        if (loggedReps < 0 || loggedReps > 1000) {
            throw new IllegalArgumentException("reps must be in [0, 1000], was " + loggedReps);
        }
        Block b = currentBlock().orElseThrow(() -> new IllegalStateException("session is not running"));
        if (b.kind() != BlockKind.WORK || b.targetReps() == 0) {
            throw new IllegalStateException("the current block is a " + b.kind().name().toLowerCase().replace('_', ' ')
                    + (b.kind() == BlockKind.WORK ? " on time" : "") + ", not a set");
        }
        reps = loggedReps;
        finishBlock(now);
    }

    /** Ends the current block now, as the user asked ("next"). */
    public void advance(long now) {
        requireRunning();
        finishBlock(now);
    }

    /** Skips the rest of the current step. */
    public void skipStep(long now) {
        requireRunning();
        int step = plan.blocks().get(blockIndex).stepIndex();
        tallies.get(step).skip(now);
        int next = blockIndex;
        while (next < plan.blocks().size() && plan.blocks().get(next).stepIndex() == step) {
            next++;
        }
        enterOrFinish(next, now);
    }

    /** Stops the session; steps not completed count as skipped. */
    public void stop(long now) {
        if (state == SessionState.FINISHED) {
            return;
        }
        for (StepTally t : tallies) {
            if (t.status == StepStatus.ACTIVE || t.status == StepStatus.PENDING) {
                t.skip(now);
            }
        }
        state = SessionState.FINISHED;
        blockIndex = plan.blocks().size();
    }

    /**
     * Adds dwell with its band position to a step: the step of the sample that began it, which is
     * no longer the current one when the block changed since.
     */
    public void recordBandTime(int stepIndex, BandPosition position, long ms) {
        tallies.get(stepIndex).band(position, ms);
    }

    /** Moves the spot to the next region of the block (after a "move on" cue); returns it. */
    public Optional<Region> nextSpot() {
        Optional<Block> b = currentBlock();
        if (b.isEmpty() || b.get().regions().isEmpty()) {
            return Optional.empty();
        }
        spotIndex = (spotIndex + 1) % b.get().regions().size();
        return currentSpot();
    }

    /** The spot the user should be working now, if the block has spots. */
    public Optional<Region> currentSpot() {
        Optional<Block> b = state == SessionState.READY ? Optional.of(plan.blocks().get(0)) : currentBlock();
        if (b.isEmpty() || b.get().kind() != BlockKind.WORK || b.get().regions().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(b.get().regions().get(spotIndex));
    }

    /** The block running now. */
    public Optional<Block> currentBlock() {
        return state == SessionState.RUNNING ? Optional.of(plan.blocks().get(blockIndex)) : Optional.empty();
    }

    /** The program step of the block running now. */
    public Optional<ProgramStep> currentStep() {
        return currentBlock().map(b -> plan.program().steps().get(b.stepIndex()));
    }

    /** Index of the block running now (the plan size when finished, -1 before start). */
    public int blockIndex() {
        return blockIndex;
    }

    /** Index of the spot worked in the current block. */
    public int spotIndex() {
        return spotIndex;
    }

    /** Puts the spot back where stored progress had it (a resumed block keeps its spot). */
    void restoreSpot(int index) {
        Optional<Block> b = currentBlock();
        if (b.isPresent() && !b.get().regions().isEmpty()) {
            spotIndex = Math.floorMod(index, b.get().regions().size());
        }
    }

    /** Reps counted in the current set. */
    public int reps() {
        return reps;
    }

    /** Each step's result so far. */
    public List<StepResult> results() {
        return tallies.stream().map(StepTally::result).toList();
    }

    /**
     * Each step's result as shown at {@code now}: the work block running counts its time so far
     * (stored results count a block once it ends).
     */
    public List<StepResult> resultsAt(long now) {
        Optional<Block> b = currentBlock();
        if (b.isEmpty() || b.get().kind() != BlockKind.WORK) {
            return results();
        }
        List<StepResult> out = new ArrayList<>(tallies.size());
        for (int i = 0; i < tallies.size(); i++) {
            out.add(i == b.get().stepIndex() ? tallies.get(i).result(now - blockStart) : tallies.get(i).result());
        }
        return out;
    }

    /** What to show at {@code now}. */
    public GuideSnapshot snapshot(long now) {
        Program p = plan.program();
        // Ready (waiting for the device's first sample): the first block as it will begin.
        Optional<Block> current = state == SessionState.READY ? Optional.of(plan.blocks().get(0)) : currentBlock();
        if (current.isEmpty()) {
            return new GuideSnapshot(state, p.id(), p.name(), p.steps().size(), p.steps().size(), null, null, null,
                    null, 0, 0, 0, 0, Side.NONE, List.of(), null, 0, -1, 0, 0, RepAxis.NONE, null, 0, null, results());
        }
        Block b = current.get();
        ProgramStep s = p.steps().get(b.stepIndex());
        long elapsed = state == SessionState.READY ? 0 : Math.max(0, now - blockStart);
        long remaining = b.timed() ? Math.max(0, b.durationMs() - elapsed) : -1;
        String next = b.stepIndex() + 1 < p.steps().size() ? p.steps().get(b.stepIndex() + 1).title() : null;
        return new GuideSnapshot(state, p.id(), p.name(), b.stepIndex(), p.steps().size(), s.id(), s.title(), s.kind(),
                b.kind(), b.round(), b.rounds(), b.set(), b.sets(), b.side(), b.regions(), currentSpot().orElse(null),
                elapsed, remaining, reps, b.targetReps(), s.repAxis(), s.band(), s.dwellTargetMs(), next,
                state == SessionState.READY ? results() : resultsAt(now));
    }

    private void requireRunning() {
        if (state != SessionState.RUNNING) {
            throw new IllegalStateException("session is " + state.name().toLowerCase() + ", not running");
        }
    }

    private void finishBlock(long end) {
        Block b = plan.blocks().get(blockIndex);
        StepTally tally = tallies.get(b.stepIndex());
        if (b.kind() == BlockKind.WORK) {
            tally.work(b, end - blockStart, reps);
        }
        boolean lastOfStep = blockIndex + 1 >= plan.blocks().size()
                || plan.blocks().get(blockIndex + 1).stepIndex() != b.stepIndex();
        if (lastOfStep) {
            tally.complete(end);
        }
        enterOrFinish(blockIndex + 1, end);
    }

    private void enterOrFinish(int index, long now) {
        if (index >= plan.blocks().size()) {
            state = SessionState.FINISHED;
            blockIndex = plan.blocks().size();
            return;
        }
        enter(index, now);
    }

    private void enter(int index, long now) {
        blockIndex = index;
        blockStart = now;
        reps = 0;
        spotIndex = 0;
        tallies.get(plan.blocks().get(index).stepIndex()).begin(now);
    }
}
