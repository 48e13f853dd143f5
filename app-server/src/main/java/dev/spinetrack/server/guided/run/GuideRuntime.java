package dev.spinetrack.server.guided.run;

import dev.spinetrack.server.guided.plan.CoachEffects;
import dev.spinetrack.server.guided.plan.LiveCoach;
import dev.spinetrack.server.guided.plan.SessionPlan;
import dev.spinetrack.server.guided.plan.SessionState;
import dev.spinetrack.server.live.LiveEvent;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.program.Program;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.server.session.StoredStream;
import dev.spinetrack.server.session.TrackedSample;
import dev.spinetrack.server.session.TrackedSampleFeed;
import dev.spinetrack.server.storage.SessionRow;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The guided runs this instance coaches, fed by every tracked sample of their devices
 * ({@link TrackedSampleFeed}, in seq order and device time) on one coach thread, so neither
 * ingest nor a request waits for a coach. What the live feed missed (another instance stored
 * the batches, a restart, a hole in the stream) is read back from storage ({@link StoredStream})
 * before the coach goes on, so a run is coached on the full stream exactly once per sample.
 * <p>Every change of a run is stored ({@link GuideRunStore}) under this instance's lease; a run
 * whose lease runs out (its instance stopped or died) is taken over and resumed by any instance
 * sharing the database, one that cannot resume ends and closes its server session.
 */
@Context
public class GuideRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(GuideRuntime.class);

    private final GuideResumer resumer;
    private final SessionService sessions;
    private final TrackedSampleFeed feed;
    private final LiveFeed live;
    private final GuideRunStore runs;
    private final long leaseMs;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, GuideRun> byDevice = new ConcurrentHashMap<>();
    private final Map<Long, GuideRun> byId = new ConcurrentHashMap<>();
    private final ExecutorService coachThread = Executors.newSingleThreadExecutor(r -> daemon(r, "guide-coach"));
    private final ScheduledExecutorService leaseThread = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "guide-lease"));
    private final RunCoaching coaching;
    private final RunLeases leases;
    private AutoCloseable subscription;

    public GuideRuntime(GuideResumer resumer, SessionService sessions, StoredStream stored, TrackedSampleFeed feed,
                        LiveFeed live, GuideRunStore runs, @Value("${spinetrack.guide.lease-ms:10000}") long leaseMs) {
        this.resumer = resumer;
        this.sessions = sessions;
        this.feed = feed;
        this.live = live;
        this.runs = runs;
        this.leaseMs = Math.max(300, leaseMs);
        this.coaching = new RunCoaching(stored, this);
        this.leases = new RunLeases(this, runs, resumer, instance, this.leaseMs, byDevice, byId, coachThread, coaching);
    }

    @PostConstruct
    void begin() {
        subscription = feed.subscribe(new TrackedSampleFeed.Listener() {
            @Override
            public boolean wants(String device) {
                return byDevice.containsKey(device);
            }

            @Override
            public void onTracked(String device, List<TrackedSample> samples, long receivedAt) {
                GuideRun run = byDevice.get(device);
                if (run != null) {
                    coachThread.execute(() -> coaching.coach(run, samples, receivedAt));
                }
            }
        });
        leaseThread.scheduleWithFixedDelay(leases::tick, 0, leaseMs / 3, TimeUnit.MILLISECONDS);
    }

    /** Stores where each run stands and lets go of it, so another instance (or the next start) resumes it at once. */
    @PreDestroy
    void end() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
        leaseThread.shutdownNow();
        coachThread.shutdown();
        coachThread.awaitTermination(5, TimeUnit.SECONDS);
        for (GuideRun run : byId.values()) {
            synchronized (run) {
                if (run.running()) {
                    try {
                        save(run);
                        runs.release(run.id, instance);
                    } catch (RuntimeException e) {
                        LOG.warn("Guided session {}: not released at shutdown, resumes when its lease ends: {}", run.id,
                                e.toString());
                    }
                }
            }
        }
    }

    /** The plan a program runs as here. */
    SessionPlan plan(Program program) {
        return resumer.plan(program);
    }

    /**
     * Starts coaching a new run: stores it, sets the first block's band and spot from the
     * device's next sample on, and waits for that sample.
     */
    GuideRun open(String user, String device, Program program, SessionRow session) {
        LiveCoach coach = resumer.coach(program);
        long now = System.currentTimeMillis();
        long id = runs.insert(user, device, program.id(), session.id(), session.fromSeq(), now,
                coach.session().progress(), instance, now + leaseMs);
        GuideRun run = new GuideRun(id, user, device, program.id(), session.id(), session.fromSeq(),
                session.fromSeq() - 1, coach, now);
        synchronized (run) {
            byId.put(id, run);
            byDevice.put(device, run);
            effects(run, coach.readyEffects());
        }
        return run;
    }

    /** The run of a device coached here, if any. */
    Optional<GuideRun> onDevice(String device) {
        return Optional.ofNullable(byDevice.get(device));
    }

    /** A run coached here, if it is. */
    Optional<GuideRun> local(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Takes a running run over from whichever instance coached it (a request for it reached this
     * one) and resumes it here.
     *
     * @return the run, or empty when it is not running any more
     */
    Optional<GuideRun> takeOver(long id) {
        return leases.takeOver(id);
    }

    /**
     * Applies a user's action to a run coached here and stores the result; the run ends (and
     * frees the device and its server session) when the action finished it.
     *
     * @param reason end reason if the action finishes the run
     */
    void act(GuideRun run, CoachEffects effects, String reason) {
        effects(run, effects);
        if (run.coach.session().state() == SessionState.FINISHED) {
            finish(run, reason);
        }
    }

    /** Ends a run coached here now (a start with {@code replace}). */
    void stop(GuideRun run, String reason) {
        synchronized (run) {
            if (run.running()) {
                run.coach.stop(run.coach.lastT());
                finish(run, reason);
            }
        }
        publish(run);
    }

    /** Publishes a run's view on the device's live stream and returns it. */
    GuideView publish(GuideRun run) {
        GuideView view;
        synchronized (run) {
            view = GuideView.of(run);
            run.lastPublishWall = System.currentTimeMillis();
        }
        live.publish(new LiveEvent("guide", run.device, run.session, view));
        return view;
    }

    /** Runs coached here. */
    Collection<GuideRun> coached() {
        return byId.values();
    }

    /** Sets a block's band and a ball's spot from the device's next sample on, and stores the run. */
    void effects(GuideRun run, CoachEffects e) {
        try {
            if (e.tag() != null) {
                sessions.tagRegionNow(run.session, e.tag());
            }
            if (e.band() != null) {
                sessions.setTargetBand(run.session, e.band().low(), e.band().high());
            }
        } catch (RuntimeException ex) {
            LOG.warn("Guided session {}: could not set tag/band on session {}: {}", run.id, run.session, ex.toString());
        }
        if (e.changed() && run.coach.session().state() != SessionState.FINISHED) {
            save(run); // a finished run is stored once, with its end reason, by finish()
        }
    }

    /** Stores a run as this instance sees it; a run another instance took over is dropped here. */
    void save(GuideRun run) {
        if (run.lost) {
            return;
        }
        boolean finished = run.coach.session().state() == SessionState.FINISHED;
        boolean mine = runs.save(run.id, instance, finished ? "FINISHED" : "RUNNING", finished ? run.endReason : null,
                finished ? run.endedAt : null, run.coach.session().progress(), run.coachedSeq, run.deviceT(),
                run.skew.skewMs(), System.currentTimeMillis() + leaseMs);
        if (!mine) {
            run.lost = true;
            forget(run);
            LOG.info("Guided session {} on device {}: taken over by another instance or ended there; no longer coached here",
                    run.id, run.device);
        }
    }

    /** A finished run: stored, the device freed at once, its server session closed. */
    void finish(GuideRun run, String reason) {
        run.endReason = reason;
        run.endedAt = System.currentTimeMillis();
        save(run);
        forget(run);
        LOG.info("Guided session {} ended on device {} ({})", run.id, run.device, reason);
        closeSession(run.user, run.session, run.id);
    }

    private void forget(GuideRun run) {
        byDevice.remove(run.device, run);
        byId.remove(run.id, run);
    }

    private void closeSession(String user, long session, long guideId) {
        try {
            sessions.stop(user, session);
        } catch (RuntimeException ex) {
            LOG.warn("Guided session {}: could not stop session {}: {}", guideId, session, ex.toString());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
