package dev.spinetrack.server.guided.run;

import dev.spinetrack.server.guided.plan.LiveCoach;
import dev.spinetrack.server.guided.plan.SessionState;

/**
 * A guided session this instance coaches: who started it, on which server session, from which
 * sample on, how far it got, and its coach. Guarded by its own monitor.
 */
final class GuideRun {
    final long id;
    final String user;
    final String device;
    final String programId;
    final long session;
    /** First seq the coach may take: the first sample after the start request. */
    final long fromSeq;
    final LiveCoach coach;
    /** Server clock when it was started, epoch ms. */
    final long startedAt;
    final ClockSkew skew = new ClockSkew();
    /** Last seq coached (fromSeq - 1 before the first). */
    long coachedSeq;
    /** Why it ended, once it did. */
    String endReason;
    /** Server clock when it ended, or null. */
    Long endedAt;
    /** Whether another instance took it over (this one stops touching it). */
    boolean lost;
    long lastPublishWall;
    private long rateWall0 = -1;
    private long rateT0;
    private double timeRate = 1.0;

    GuideRun(long id, String user, String device, String programId, long session, long fromSeq, long coachedSeq,
             LiveCoach coach, long startedAt) {
        this.id = id;
        this.user = user;
        this.device = device;
        this.programId = programId;
        this.session = session;
        this.fromSeq = fromSeq;
        this.coachedSeq = coachedSeq;
        this.coach = coach;
        this.startedAt = startedAt;
    }

    boolean running() {
        return !lost && coach.session().state() != SessionState.FINISHED;
    }

    /** Device time of the last sample coached, or null before the first. */
    Long deviceT() {
        return coach.lastT() == Long.MIN_VALUE ? null : coach.lastT();
    }

    /**
     * Device ms per wall ms, so the dashboard can run its timer between updates (a simulated
     * device at speed 4 runs four times faster than the wall clock).
     */
    void observe(long deviceT, long wallMs) {
        if (rateWall0 < 0 || wallMs - rateWall0 > 10_000 || deviceT < rateT0) {
            rateWall0 = wallMs;
            rateT0 = deviceT;
            return;
        }
        long dw = wallMs - rateWall0;
        if (dw >= 2_000) {
            timeRate = Math.max(0.1, Math.min(100, (deviceT - rateT0) / (double) dw));
        }
    }

    double timeRate() {
        return timeRate;
    }
}
