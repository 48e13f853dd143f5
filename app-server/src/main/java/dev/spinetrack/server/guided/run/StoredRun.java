package dev.spinetrack.server.guided.run;

import dev.spinetrack.server.guided.plan.GuideProgress;
import dev.spinetrack.server.guided.plan.StepResult;

import java.util.List;

/**
 * A guided run as stored: enough to show it and to resume it.
 *
 * @param id          guided-session id
 * @param user        who started it
 * @param device      device id
 * @param programId   program id
 * @param session     server session of its samples
 * @param startedAt   server clock when it was started, epoch ms
 * @param endedAt     server clock when it ended, or null
 * @param state       RUNNING, FINISHED or INTERRUPTED
 * @param endReason   finished, stopped, replaced, session-ended, cannot-resume; null while running
 * @param fromSeq     first seq the coach may take (the first sample after the start request)
 * @param coachedSeq  last seq coached, or null before the first
 * @param deviceT     device time of the last sample coached, or null
 * @param progress    the state machine's progress, or null for runs stored before it was kept
 * @param owner       instance coaching it, or null
 * @param leaseUntil  server clock until which the owner holds it, epoch ms
 * @param clockSkewMs server clock minus device time, or null until measured
 * @param results     each step's result
 */
record StoredRun(long id, String user, String device, String programId, long session, long startedAt, Long endedAt,
                 String state, String endReason, Long fromSeq, Long coachedSeq, Long deviceT, GuideProgress progress,
                 String owner, long leaseUntil, Long clockSkewMs, List<StepResult> results) {

    boolean running() {
        return "RUNNING".equals(state);
    }
}
