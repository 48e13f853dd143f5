package dev.spinetrack.server.guided.run;

import dev.spinetrack.server.guided.plan.CoachEffects;
import dev.spinetrack.server.guided.plan.RunCursor;
import dev.spinetrack.server.guided.plan.SessionState;
import dev.spinetrack.server.session.StoredStream;
import dev.spinetrack.server.session.TrackedSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Feeds a run's coach: samples handed over live, after what the live feed missed has been read
 * back from storage, each sample once and in seq order (the run's cursor), only samples from
 * the first one after the start request on, and only while they belong to the run's server
 * session. Called on {@link GuideRuntime}'s coach thread.
 */
final class RunCoaching {

    private static final Logger LOG = LoggerFactory.getLogger(RunCoaching.class);
    /** A running session's view is re-published at least this often (wall time), for timers. */
    private static final long REPUBLISH_MS = 1_000;
    /** Stored samples read per query when catching up. */
    private static final int CATCH_UP_CHUNK = 2_000;

    private final StoredStream stored;
    private final GuideRuntime runtime;

    RunCoaching(StoredStream stored, GuideRuntime runtime) {
        this.stored = stored;
        this.runtime = runtime;
    }

    /** Coaches samples handed over live; a hole before them is first filled from storage. */
    void coach(GuideRun run, List<TrackedSample> samples, long receivedAt) {
        boolean publish = false;
        synchronized (run) {
            for (TrackedSample s : samples) {
                if (!run.running()) {
                    break;
                }
                RunCursor.Step step = RunCursor.next(s.seq(), run.coachedSeq, run.fromSeq);
                if (step == RunCursor.Step.SKIP) {
                    continue; // seen already, or history from before the start request
                }
                if (step == RunCursor.Step.FILL_HOLE) {
                    publish |= catchUp(run, s.seq() - 1);
                    if (!run.running() || s.seq() <= run.coachedSeq) {
                        continue;
                    }
                }
                run.skew.observe(s.t(), receivedAt);
                publish |= take(run, s);
            }
            publish |= run.running() && System.currentTimeMillis() - run.lastPublishWall >= REPUBLISH_MS;
        }
        if (publish) {
            runtime.publish(run);
        }
    }

    /**
     * Coaches the stored samples after the run's cursor up to {@code toSeq}.
     *
     * @return whether the view changed
     */
    boolean catchUp(GuideRun run, long toSeq) {
        boolean changed = false;
        while (run.running() && run.coachedSeq < toSeq) {
            long from = RunCursor.readFrom(run.coachedSeq, run.fromSeq);
            long to = RunCursor.readTo(from, toSeq, CATCH_UP_CHUNK);
            List<TrackedSample> chunk = stored.after(run.device, run.session, from, to);
            if (chunk.isEmpty()) {
                break; // nothing stored there (lost on the way, or not tracked yet)
            }
            for (TrackedSample s : chunk) {
                if (!run.running()) {
                    break;
                }
                changed |= take(run, s);
            }
        }
        return changed;
    }

    /**
     * One sample through the run's coach.
     *
     * @return whether the view changed
     */
    private boolean take(GuideRun run, TrackedSample s) {
        if (!RunCursor.belongs(s.session(), run.session)) {
            LOG.info("Guided session {}: server session {} of device {} ended under it (sample {}); ending", run.id,
                    run.session, run.device, s.seq());
            run.coach.stop(run.coach.lastT());
            runtime.finish(run, "session-ended");
            return true;
        }
        run.coachedSeq = s.seq();
        run.observe(s.t(), System.currentTimeMillis());
        try {
            boolean changed = false;
            if (run.coach.session().state() == SessionState.READY) {
                run.coach.start(s.t()); // band and spot were set at the start request
                changed = true;
            }
            CoachEffects e = run.coach.onSample(s.t(), s.contact(), s.region(), s.pressure(), s.pitch(), s.roll());
            if (changed || e.changed()) {
                runtime.act(run, e, "finished");
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            LOG.warn("Guided session {}: sample {} of device {} not coached: {}", run.id, s.seq(), run.device,
                    e.toString());
            return false;
        }
    }
}
