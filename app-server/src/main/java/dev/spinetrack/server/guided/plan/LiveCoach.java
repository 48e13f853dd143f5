package dev.spinetrack.server.guided.plan;

import dev.spinetrack.protocol.region.FocusRule;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.feedback.BandCue;
import dev.spinetrack.server.engine.feedback.BandFeedback;
import dev.spinetrack.server.engine.feedback.DwellCue;
import dev.spinetrack.server.engine.feedback.RepCounter;
import dev.spinetrack.server.engine.feedback.SpotDwell;
import dev.spinetrack.server.engine.feedback.SpotDwellCue;
import dev.spinetrack.server.engine.tracking.SampleInterval;
import dev.spinetrack.server.engine.band.PressureBand;
import dev.spinetrack.server.program.ProgramStep;
import dev.spinetrack.server.program.RepAxis;
import dev.spinetrack.server.engine.tender.TenderRating;
import dev.spinetrack.server.engine.tender.ToleratedPressure;

import java.util.Objects;
import java.util.Optional;

/**
 * Couples a {@link GuidedSession} to a device's live samples: each sample's time drives the
 * timers, its focus pressure the band cue, its focus region and contact the dwell cue and the
 * tolerated pressure, its pitch or roll the rep counter of a counted set. When a block starts,
 * the coach says which band to set and (for a ball, which has no position of its own) which
 * region to tag; when the dwell target on a ball's spot is met it says "move on" and tags the
 * next spot. Pure: no I/O; the caller serialises calls per session.
 * <p>A step's time in band is the tracker's figure for the same samples: the dwell intervals of
 * {@link SampleInterval} (the interval after a sample in contact with a focus, up to the gap
 * limit), classified by the earlier sample's pressure against its step's band into a
 * {@link dev.spinetrack.server.engine.band.BandTime}, as the tracker does per region.
 */
public final class LiveCoach {

    /** How long "move on" stays shown after a ball's spot was switched. */
    static final long MOVE_ON_SHOWN_MS = 3_000;
    /**
     * How long a ball may report another region than its spot (someone else tagged it) before
     * the coach tags the spot again: while a guided step runs, the step owns the ball's region.
     */
    static final long RETAG_AFTER_MS = 1_000;

    private final GuidedSession session;
    private final boolean ball;
    private final long gapLimitMs;
    private final ToleratedPressure tolerated = new ToleratedPressure();
    private BandFeedback band;
    private SpotDwellCue dwell;
    private RepCounter reps;
    private RepAxis axis = RepAxis.NONE;
    private int blockIndex = -1;
    private String roundKey = "";
    private int massageRound;
    private long lastT = Long.MIN_VALUE;
    private double pressure;
    private boolean contact;
    private Region focus;
    /** The band of the block the latest sample belongs to (null outside a banded work block), and its step. */
    private PressureBand bandOfLast;
    private int stepOfLast = -1;
    private long moveOnUntil = Long.MIN_VALUE;
    private long taggedAt = Long.MIN_VALUE;

    /**
     * @param session the guided session (not started yet)
     * @param ball    whether the device is a ball, whose region is the active spot
     */
    public LiveCoach(GuidedSession session, boolean ball) {
        this(session, ball, FocusRule.DEFAULT_GAP_LIMIT_MS);
    }

    /**
     * @param session    the guided session (not started yet)
     * @param ball       whether the device is a ball, whose region is the active spot
     * @param gapLimitMs intervals longer than this are data gaps, as for tracking
     */
    public LiveCoach(GuidedSession session, boolean ball, long gapLimitMs) {
        this.session = Objects.requireNonNull(session, "session");
        this.ball = ball;
        if (gapLimitMs <= 0) {
            throw new IllegalArgumentException("gap limit must be > 0 ms, was " + gapLimitMs);
        }
        this.gapLimitMs = gapLimitMs;
    }

    /**
     * A coach carrying on a resumed session: the current block's feedback starts afresh (a set's
     * reps so far are kept by the session), nothing is re-tagged.
     *
     * @param lastT      device time of the last sample the session saw, or {@code Long.MIN_VALUE}
     * @param gapLimitMs intervals longer than this are data gaps, as for tracking
     */
    public static LiveCoach resume(GuidedSession session, boolean ball, long lastT, long gapLimitMs) {
        LiveCoach c = new LiveCoach(session, ball, gapLimitMs);
        if (session.state() == SessionState.RUNNING) {
            int spot = session.spotIndex();
            c.blockEffects(lastT);
            session.restoreSpot(spot);
        }
        c.lastT = lastT;
        return c;
    }

    public GuidedSession session() {
        return session;
    }

    /**
     * What the server must set up before the first sample: the first step's band and, for a
     * ball, the first spot to tag.
     */
    public CoachEffects readyEffects() {
        ProgramStep first = session.program().steps().get(0);
        return new CoachEffects(true, ball ? session.currentSpot().orElse(null) : null, first.band());
    }

    /** Starts the session at device time {@code t} (of its first sample). */
    public CoachEffects start(long t) {
        lastT = t;
        session.start(t);
        return blockEffects(t);
    }

    /**
     * Takes a live sample.
     *
     * @param t        device time, epoch ms (ascending; older samples are ignored)
     * @param contact  whether the sample is in contact
     * @param focus    its focus region, or null
     * @param pressure its focus pressure
     * @param pitch    degrees
     * @param roll     degrees
     */
    public CoachEffects onSample(long t, boolean contact, Region focus, double pressure, double pitch, double roll) {
        if (session.state() != SessionState.RUNNING || t < lastT) {
            return CoachEffects.NONE;
        }
        long dt = lastT == Long.MIN_VALUE ? 0 : t - lastT; // resumed without a sample yet: nothing to hold
        bookBandTime(dt);
        lastT = t;
        this.pressure = pressure;
        boolean contactChanged = this.contact != contact;
        this.contact = contact;
        this.focus = focus;
        CoachEffects effects = take(t, contact, focus, pressure, pitch, roll, dt, contactChanged);
        Optional<Block> now = session.currentBlock();
        stepOfLast = now.map(Block::stepIndex).orElse(-1);
        bandOfLast = now.filter(b -> b.kind() == BlockKind.WORK)
                .map(b -> session.program().steps().get(b.stepIndex()).band()).orElse(null);
        return effects;
    }

    /** Books the interval the new sample closes on the step of the sample that began it, as tracking does. */
    private void bookBandTime(long dt) {
        if (bandOfLast != null && SampleInterval.of(dt, contact, focus, gapLimitMs) == SampleInterval.DWELL) {
            session.recordBandTime(stepOfLast, bandOfLast.position(pressure), dt);
        }
    }

    private CoachEffects take(long t, boolean contact, Region focus, double pressure, double pitch, double roll,
                              long dt, boolean contactChanged) {
        tolerated.update(t, focus, pressure, contact);
        boolean changed = contactChanged;
        if (ball && !contact) {
            session.hold(dt); // the ball is off the back: the block waits for it (automatic pause)
        }
        if (session.tick(t)) {
            return blockEffects(t);
        }
        Block b = session.currentBlock().orElseThrow();
        if (b.kind() != BlockKind.WORK) {
            return CoachEffects.NONE;
        }
        if (band != null) {
            BandCue before = band.current();
            band.update(t, pressure);
            changed |= before != band.current();
        }
        Region tag = null;
        if (dwell != null) {
            DwellCue before = dwell.current().cue();
            SpotDwell d = dwell.update(t, focus, contact);
            changed |= before != d.cue();
            if (ball && d.cue() == DwellCue.MOVE_ON && b.regions().size() > 1 && focus != null
                    && focus == session.currentSpot().orElse(null)) {
                tag = session.nextSpot().orElse(null);
                moveOnUntil = t + MOVE_ON_SHOWN_MS;
                dwell = new SpotDwellCue(dwell.targetMs()); // each visit to a spot earns its own dwell
                changed = true;
            }
        }
        Region spot = session.currentSpot().orElse(null);
        if (ball && tag == null && spot != null && focus != null && focus != spot && t - taggedAt > RETAG_AFTER_MS) {
            tag = spot;
        }
        if (tag != null) {
            taggedAt = t;
        }
        if (reps != null) {
            boolean counted = reps.accept(t, axis == RepAxis.PITCH ? pitch : roll);
            if (counted) {
                changed = true;
                if (session.countRep(t)) {
                    return blockEffects(t);
                }
            }
        }
        return changed || tag != null ? new CoachEffects(true, tag, null) : CoachEffects.NONE;
    }

    /** The user moves on ("next"). */
    public CoachEffects advance(long t) {
        session.advance(Math.max(t, lastT));
        return blockEffects(Math.max(t, lastT));
    }

    /** The user skips the current step. */
    public CoachEffects skipStep(long t) {
        session.skipStep(Math.max(t, lastT));
        return blockEffects(Math.max(t, lastT));
    }

    /** The user logs a set's reps. */
    public CoachEffects logSet(int loggedReps, long t) {
        session.logSet(loggedReps, Math.max(t, lastT));
        return blockEffects(Math.max(t, lastT));
    }

    /** The user stops the session. */
    public CoachEffects stop(long t) {
        session.stop(Math.max(t, lastT));
        return blockEffects(Math.max(t, lastT));
    }

    /**
     * A tenderness rating of a region now, with the pressure the region tolerated in the
     * current (or last) massage round.
     */
    public TenderRating rate(String sessionKey, Region region, int tenderness, long at) {
        return new TenderRating(sessionKey, massageRound, region, tenderness, tolerated.mean(region), at);
    }

    /** Latest device time seen. */
    public long lastT() {
        return lastT;
    }

    /** What to show now. */
    public CoachView view() {
        long t = lastT == Long.MIN_VALUE ? 0 : lastT;
        SpotDwell d = dwell == null ? null : dwell.current();
        if (d != null && t < moveOnUntil) {
            d = new SpotDwell(d.region(), d.dwellMs(), d.targetMs(), DwellCue.MOVE_ON);
        }
        return new CoachView(session.snapshot(t), band == null ? null : band.current(), d, pressure, contact, t);
    }

    /** Sets up the feedback for the block now running and says what the server must change. */
    private CoachEffects blockEffects(long t) {
        Optional<Block> current = session.currentBlock();
        if (current.isEmpty()) {
            band = null;
            dwell = null;
            reps = null;
            blockIndex = session.blockIndex();
            return new CoachEffects(true, null, null);
        }
        Block b = current.get();
        ProgramStep step = session.program().steps().get(b.stepIndex());
        blockIndex = session.blockIndex();
        band = step.band() != null && b.kind() == BlockKind.WORK ? BandFeedback.withDefaults(step.band()) : null;
        dwell = step.dwellTargetMs() > 0 && b.kind() == BlockKind.WORK ? new SpotDwellCue(step.dwellTargetMs()) : null;
        axis = step.repAxis();
        reps = b.kind() == BlockKind.WORK && b.targetReps() > 0 && axis != RepAxis.NONE
                ? new RepCounter(step.repDetection()) : null;
        moveOnUntil = Long.MIN_VALUE;
        if (step.timed() && b.kind() == BlockKind.WORK && !step.regions().isEmpty()) {
            String key = b.stepIndex() + ":" + b.round();
            if (!key.equals(roundKey)) {
                roundKey = key;
                massageRound = b.round();
                tolerated.newRound();
            }
        }
        Region tag = ball && b.kind() == BlockKind.WORK ? session.currentSpot().orElse(null) : null;
        if (tag != null) {
            taggedAt = t;
        }
        PressureBand newBand = b.kind() == BlockKind.WORK ? step.band() : null;
        return new CoachEffects(true, tag, newBand);
    }
}
