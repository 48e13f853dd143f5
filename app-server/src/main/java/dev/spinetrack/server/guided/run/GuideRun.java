package dev.spinetrack.server.guided.run;

import dev.spinetrack.server.guided.plan.LiveCoach;

/**
 * A guided session running on a device: who started it, on which server session, and its coach.
 * Guarded by its own monitor.
 */
final class GuideRun {
    final long id;
    final String user;
    final String device;
    final long session;
    final LiveCoach coach;
    final long startedAt;
    /** When the server session began (server clock); tags never go before it. */
    final long sessionStartedAt;
    long lastPublishWall;
    private long rateWall0 = -1;
    private long rateT0;
    private double timeRate = 1.0;

    GuideRun(long id, String user, String device, long session, long sessionStartedAt, LiveCoach coach,
             long startedAt) {
        this.id = id;
        this.user = user;
        this.device = device;
        this.session = session;
        this.sessionStartedAt = sessionStartedAt;
        this.coach = coach;
        this.startedAt = startedAt;
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
