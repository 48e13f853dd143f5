package dev.spinetrack.server.guided.run;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.RegionCatalog;
import dev.spinetrack.server.engine.tender.TenderRating;
import dev.spinetrack.server.engine.tender.TenderSpotLog;
import dev.spinetrack.server.engine.tender.TenderTrend;
import dev.spinetrack.server.guided.plan.CoachEffects;
import dev.spinetrack.server.guided.plan.GuideSnapshot;
import dev.spinetrack.server.guided.plan.GuidedSession;
import dev.spinetrack.server.guided.plan.LiveCoach;
import dev.spinetrack.server.guided.plan.SessionState;
import dev.spinetrack.server.guided.plan.StartChecks;
import dev.spinetrack.server.guided.plan.StoredRunSnapshot;
import dev.spinetrack.server.program.Program;
import dev.spinetrack.server.program.ProgramCatalog;
import dev.spinetrack.server.session.NotFoundException;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.server.storage.DeviceRow;
import dev.spinetrack.server.storage.SessionRow;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Guided sessions for the API: start a program on a device, follow it, move it on, log sets and
 * rate tender spots. Coaching itself is {@link GuideRuntime}'s; runs are read back from storage,
 * so any instance sharing the database answers for any run, and a request that changes a run
 * coached elsewhere takes it over.
 * <p>Lifecycle: one guided session runs on a device at a time; it frees the device the moment it
 * finishes, is stopped or its last step is skipped; a new start while one runs is refused unless
 * it asks to replace it; its server session always ends with it.
 */
@Singleton
public class GuidedSessions {

    private static final Logger LOG = LoggerFactory.getLogger(GuidedSessions.class);

    private final ProgramCatalog programs;
    private final SessionService sessions;
    private final GuideRuntime runtime;
    private final GuideRunStore runs;
    private final CoachStore store;
    private final Map<String, Object> startLocks = new ConcurrentHashMap<>();
    /** Runs that ended here lately, so their live view (cues, tolerated pressure) stays readable. */
    private final Map<Long, GuideRun> recent = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, GuideRun> eldest) {
                    return size() > 256;
                }
            });

    public GuidedSessions(ProgramCatalog programs, SessionService sessions, GuideRuntime runtime, GuideRunStore runs,
                          CoachStore store) {
        this.programs = programs;
        this.sessions = sessions;
        this.runtime = runtime;
        this.runs = runs;
        this.store = store;
    }

    /**
     * Starts a program on one of the user's devices. The run is READY until the device's first
     * sample after this request, which starts its first block.
     *
     * @param replace stop a guided session running on the device first; without it such a start is refused
     * @throws NotFoundException when the device is not the user's
     * @throws GuideException    when the program is unknown or written for the other device kind (400), or a
     *                           guided session runs on the device and {@code replace} is false (409, naming it)
     */
    public GuideView start(String user, String deviceId, String programId, boolean replace) {
        DeviceRow device = sessions.device(user, deviceId);
        Optional<Program> asked = programs.get(programId);
        StartChecks.refusal(programId, asked, programs.list().stream().map(Program::id).toList(), deviceId,
                device.kind()).ifPresent(GuidedSessions::refuse);
        Program program = asked.orElseThrow();
        GuideRun run;
        synchronized (startLocks.computeIfAbsent(deviceId, d -> new Object())) {
            Optional<StoredRun> running = runs.runningOn(deviceId);
            StartChecks.whileRunning(deviceId, running.map(StoredRun::id).orElse(null), replace)
                    .ifPresent(GuidedSessions::refuse);
            if (running.isPresent()) {
                replaceRun(running.get());
            }
            SessionRow opened = sessions.start(user, deviceId);
            run = runtime.open(user, deviceId, program, opened);
        }
        LOG.info("Guided session {} started: program {} on device {} (session {}, from seq {}) for {}", run.id, programId,
                deviceId, run.session, run.fromSeq, user);
        return runtime.publish(run);
    }

    private static void refuse(StartChecks.Refusal r) {
        throw new GuideException(r.field(), r.reason(), r.conflict(), r.running());
    }

    private void replaceRun(StoredRun old) {
        GuideRun here = runtime.local(old.id()).orElse(null);
        if (here != null) {
            runtime.stop(here, "replaced");
            recent.put(here.id, here);
        } else if (runs.end(old.id(), "FINISHED", "replaced", System.currentTimeMillis())) {
            // Coached elsewhere or by nobody: that instance finds the run ended at its next write.
            try {
                sessions.stop(old.user(), old.session());
            } catch (RuntimeException e) {
                LOG.warn("Guided session {}: could not stop session {}: {}", old.id(), old.session(), e.toString());
            }
        }
        LOG.info("Guided session {} on device {} replaced by a new start", old.id(), old.device());
    }

    /**
     * Whether a guided session is running on a device, so it owns the ball's region tag. Other
     * taggers (the demo's stand-in user) should leave such a device alone.
     */
    public boolean guiding(String deviceId) {
        return runtime.onDevice(deviceId).map(GuideRun::running).orElse(false);
    }

    /** The user's guided session with an id. */
    public GuideView get(String user, long id) {
        Optional<GuideRun> here = runtime.local(id).or(() -> Optional.ofNullable(recent.get(id)));
        if (here.isPresent() && here.get().user.equals(user)) {
            synchronized (here.get()) {
                return GuideView.of(here.get());
            }
        }
        return runs.find(id).filter(r -> r.user().equals(user)).map(this::view)
                .orElseThrow(() -> new NotFoundException("guided session", id));
    }

    /** The device's running (or last) guided session, if the device is the user's. */
    public Optional<GuideView> forDevice(String user, String deviceId) {
        sessions.device(user, deviceId);
        Optional<GuideRun> here = runtime.onDevice(deviceId).filter(r -> r.user.equals(user));
        if (here.isPresent()) {
            return Optional.of(get(user, here.get().id));
        }
        return runs.latestOn(deviceId).filter(r -> r.user().equals(user)).map(r -> get(user, r.id()));
    }

    /** "Next": ends the current block. */
    public GuideView next(String user, long id) {
        return act(user, id, "finished", c -> c.advance(c.lastT()));
    }

    /** Skips the current step. */
    public GuideView skip(String user, long id) {
        return act(user, id, "finished", c -> c.skipStep(c.lastT()));
    }

    /** Stops the session. */
    public GuideView stop(String user, long id) {
        return act(user, id, "stopped", c -> c.stop(c.lastT()));
    }

    /** Logs the reps of the current set. */
    public GuideView logSet(String user, long id, int reps) {
        if (reps < 0 || reps > 1000) {
            throw new GuideException("reps", "must be 0..1000, was " + reps, false);
        }
        return act(user, id, "finished", c -> c.logSet(reps, c.lastT()));
    }

    /**
     * Rates the tenderness of a region (the current spot when {@code region} is null).
     *
     * @return the region's trend including this rating
     */
    public TenderTrend rate(String user, long id, String region, int tenderness) {
        GuideRun run = runtime.local(id).or(() -> Optional.ofNullable(recent.get(id)))
                .filter(r -> r.user.equals(user))
                .or(() -> runs.find(id).filter(r -> r.user().equals(user) && r.running())
                        .flatMap(r -> runtime.takeOver(id)))
                .orElseThrow(() -> new NotFoundException("guided session", id));
        if (tenderness < 0 || tenderness > 10) {
            throw new GuideException("tenderness", "must be 0..10, was " + tenderness, false);
        }
        Region r;
        if (region == null || region.isBlank()) {
            r = run.coach.session().currentSpot().orElseThrow(() -> new GuideException("region",
                    "no spot is being worked now; name the region", false));
        } else {
            r = RegionCatalog.parse(region).orElseThrow(() -> new GuideException("region",
                    "unknown region '" + region + "'; known: " + RegionCatalog.all(), false));
        }
        TenderRating rating;
        synchronized (run) {
            rating = run.coach.rate(String.valueOf(id), r, tenderness, System.currentTimeMillis());
        }
        store.addRating(user, run.device, id, rating);
        LOG.info("Guided session {}: {} rated {} (tolerated {})", id, r, tenderness, rating.toleratedPressure());
        return trends(user).stream().filter(t -> t.region() == r).findFirst().orElseThrow();
    }

    /** Trends of every region the user rated. */
    public List<TenderTrend> trends(String user) {
        TenderSpotLog log = new TenderSpotLog();
        store.ratings(user).forEach(log::add);
        return log.trends();
    }

    /** Every rating of the user. */
    public List<TenderRating> ratings(String user) {
        return store.ratings(user);
    }

    /** The user's stored guided sessions, newest first. */
    public List<GuideRecord> history(String user, String device, int limit) {
        if (device != null) {
            sessions.device(user, device);
        }
        return runs.runs(user, device, limit).stream().map(GuideRecord::of).toList();
    }

    private GuideView act(String user, long id, String endReason, Function<LiveCoach, CoachEffects> action) {
        StoredRun stored = null;
        GuideRun run = runtime.local(id).orElse(null);
        if (run == null || !run.user.equals(user)) {
            stored = runs.find(id).filter(r -> r.user().equals(user))
                    .orElseThrow(() -> new NotFoundException("guided session", id));
            if (!stored.running()) {
                throw new GuideException("state", "guided session " + id + " is finished", true);
            }
            run = runtime.takeOver(id).orElseThrow(() -> new GuideException("state", "guided session " + id
                    + " is finished", true));
        }
        synchronized (run) {
            if (!run.running()) {
                throw new GuideException("state", "guided session " + run.id + " is finished", true);
            }
            CoachEffects effects;
            try {
                effects = action.apply(run.coach);
            } catch (IllegalStateException e) {
                throw new GuideException("state", run.coach.session().state() == SessionState.READY
                        ? "guided session " + run.id + " waits for the device's first sample" : e.getMessage(), true);
            }
            runtime.act(run, effects, endReason);
            if (!run.running()) {
                recent.put(run.id, run);
            }
        }
        return runtime.publish(run);
    }

    /** A stored run's view, resumed read-only from its progress. */
    private GuideView view(StoredRun r) {
        Optional<Program> program = programs.get(r.programId());
        GuideSnapshot snapshot = null;
        if (program.isPresent() && r.progress() != null) {
            try {
                GuidedSession s = GuidedSession.resume(runtime.plan(program.get()), r.progress());
                snapshot = s.snapshot(r.deviceT() == null ? 0 : r.deviceT());
            } catch (IllegalArgumentException e) {
                snapshot = null;
            }
        }
        if (snapshot == null) {
            snapshot = StoredRunSnapshot.of(r.running(), r.programId(), program.map(Program::name).orElse(r.programId()),
                    r.results());
        }
        return new GuideView(r.id(), r.device(), r.session(), r.programId(), r.startedAt(), snapshot, null, null, 0,
                false, r.deviceT() == null ? 0 : r.deviceT(), 1.0, r.clockSkewMs(), r.endReason());
    }
}
