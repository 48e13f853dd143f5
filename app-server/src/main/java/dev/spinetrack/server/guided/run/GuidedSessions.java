package dev.spinetrack.server.guided.run;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.RegionCatalog;
import dev.spinetrack.server.guided.plan.CoachEffects;
import dev.spinetrack.server.guided.plan.GuidedSession;
import dev.spinetrack.server.guided.plan.LiveCoach;
import dev.spinetrack.server.guided.plan.SessionPlan;
import dev.spinetrack.server.guided.plan.SessionState;
import dev.spinetrack.server.live.LiveEvent;
import dev.spinetrack.server.live.LiveFeed;
import dev.spinetrack.server.live.LiveFrame;
import dev.spinetrack.server.program.Program;
import dev.spinetrack.server.program.ProgramCatalog;
import dev.spinetrack.server.session.NotFoundException;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.server.storage.DeviceRow;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.engine.tender.TenderRating;
import dev.spinetrack.server.engine.tender.TenderSpotLog;
import dev.spinetrack.server.engine.tender.TenderTrend;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Guided sessions of every device. Starting one opens a server session for the device (through
 * {@link SessionService}) and runs a {@link LiveCoach} on the device's live frames. Frames are
 * handed to one coach thread, so the ingest thread never waits for a coach or the database;
 * the coach's tags and bands go back through {@link SessionService#tagRegion} and
 * {@link SessionService#setTargetBand}; its state goes out as {@code guide} live events.
 */
@Singleton
public class GuidedSessions {

    private static final Logger LOG = LoggerFactory.getLogger(GuidedSessions.class);
    /** A running session's view is re-published at least this often (wall time), for timers. */
    private static final long REPUBLISH_MS = 1_000;

    private final ProgramCatalog programs;
    private final SessionService sessions;
    private final LiveFeed live;
    private final CoachStore store;
    private final long switchMs;
    private final Map<String, GuideRun> byDevice = new ConcurrentHashMap<>();
    private final Map<Long, GuideRun> byId = new ConcurrentHashMap<>();
    private final ExecutorService coachThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "guide-coach");
        t.setDaemon(true);
        return t;
    });
    private AutoCloseable subscription;

    public GuidedSessions(ProgramCatalog programs, SessionService sessions, LiveFeed live, CoachStore store,
                          @Value("${spinetrack.guide.switch-side-ms:10000}") long switchMs) {
        this.programs = programs;
        this.sessions = sessions;
        this.live = live;
        this.store = store;
        this.switchMs = switchMs;
    }

    @PostConstruct
    void subscribe() {
        subscription = live.subscribeAll(message -> {
            if (message instanceof LiveFrame f && byDevice.containsKey(f.device())) {
                coachThread.execute(() -> onFrame(f));
            }
        });
    }

    @PreDestroy
    void close() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
        coachThread.shutdownNow();
    }

    /**
     * Starts a program on one of the user's devices. A guided session already running on the
     * device is stopped first.
     *
     * @throws NotFoundException when the device is not the user's
     * @throws GuideException    when the program is unknown or written for the other device kind
     */
    public GuideView start(String user, String deviceId, String programId) {
        DeviceRow device = sessions.device(user, deviceId);
        Program program = programs.get(programId).orElseThrow(() -> new GuideException("program",
                "no program '" + programId + "'; known: " + programs.list().stream().map(Program::id).toList(), false));
        if (device.kind() == null) {
            throw new GuideException("device", "device " + deviceId + " has not described itself yet (no info)", true);
        }
        if (!program.device().name().equals(device.kind())) {
            throw new GuideException("program", "program '" + programId + "' is for a " + program.device().name()
                    .toLowerCase() + ", device " + deviceId + " is a " + device.kind().toLowerCase(), false);
        }
        GuideRun previous = byDevice.get(deviceId);
        if (previous != null) {
            call(previous, c -> c.stop(c.lastT()));
        }
        SessionRow opened = sessions.start(user, deviceId);
        long sessionId = opened.id();
        LiveFrame latest = live.latest(deviceId);
        long t = latest != null ? latest.t() : System.currentTimeMillis();
        long now = System.currentTimeMillis();
        LiveCoach coach = new LiveCoach(new GuidedSession(SessionPlan.of(program, switchMs)),
                program.device() == DeviceKind.BALL);
        long id = store.insertRun(user, deviceId, programId, sessionId, now);
        GuideRun run = new GuideRun(id, user, deviceId, sessionId, opened.startedAt(), coach, now);
        synchronized (run) {
            apply(run, coach.start(t));
            byId.put(id, run);
            byDevice.put(deviceId, run);
        }
        LOG.info("Guided session {} started: program {} on device {} (session {}) for {}", id, programId, deviceId,
                sessionId, user);
        return publish(run);
    }

    /**
     * Whether a guided session is running on a device, so it owns the ball's region tag. Other
     * taggers (the demo's stand-in user) should leave such a device alone.
     */
    public boolean guiding(String deviceId) {
        GuideRun run = byDevice.get(deviceId);
        return run != null && run.coach.session().state() == SessionState.RUNNING;
    }

    /** The user's guided session with an id. */
    public GuideView get(String user, long id) {
        return GuideView.of(run(user, id));
    }

    /** The device's running (or last finished) guided session, if the device is the user's. */
    public Optional<GuideView> forDevice(String user, String deviceId) {
        sessions.device(user, deviceId);
        return Optional.ofNullable(byDevice.get(deviceId)).filter(r -> r.user.equals(user)).map(GuideView::of);
    }

    /** "Next": ends the current block. */
    public GuideView next(String user, long id) {
        return act(user, id, c -> c.advance(c.lastT()));
    }

    /** Skips the current step. */
    public GuideView skip(String user, long id) {
        return act(user, id, c -> c.skipStep(c.lastT()));
    }

    /** Stops the session. */
    public GuideView stop(String user, long id) {
        return act(user, id, c -> c.stop(c.lastT()));
    }

    /** Logs the reps of the current set. */
    public GuideView logSet(String user, long id, int reps) {
        if (reps < 0 || reps > 1000) {
            throw new GuideException("reps", "must be 0..1000, was " + reps, false);
        }
        return act(user, id, c -> c.logSet(reps, c.lastT()));
    }

    /**
     * Rates the tenderness of a region (the current spot when {@code region} is null).
     *
     * @return the region's trend including this rating
     */
    public TenderTrend rate(String user, long id, String region, int tenderness) {
        GuideRun run = run(user, id);
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
        return store.runs(user, device, limit);
    }

    private GuideView act(String user, long id, Function<LiveCoach, CoachEffects> action) {
        GuideRun run = run(user, id);
        call(run, action);
        return publish(run);
    }

    private void call(GuideRun run, Function<LiveCoach, CoachEffects> action) {
        synchronized (run) {
            if (run.coach.session().state() != SessionState.RUNNING) {
                throw new GuideException("state", "guided session " + run.id + " is "
                        + run.coach.session().state().name().toLowerCase(), true);
            }
            try {
                apply(run, action.apply(run.coach));
            } catch (IllegalStateException e) {
                throw new GuideException("state", e.getMessage(), true);
            }
        }
    }

    private GuideRun run(String user, long id) {
        GuideRun run = byId.get(id);
        if (run == null || !run.user.equals(user)) {
            throw new NotFoundException("guided session", id);
        }
        return run;
    }

    private void onFrame(LiveFrame f) {
        GuideRun run = byDevice.get(f.device());
        if (run == null) {
            return;
        }
        boolean publish;
        synchronized (run) {
            if (run.coach.session().state() != SessionState.RUNNING) {
                return;
            }
            long wall = System.currentTimeMillis();
            run.observe(f.t(), wall);
            Region focus = f.region() == null ? null : RegionCatalog.parse(f.region()).orElse(null);
            try {
                CoachEffects e = run.coach.onSample(f.t(), f.contact(), focus, f.pressure(), f.pitch(), f.roll());
                apply(run, e);
                publish = e.changed() || wall - run.lastPublishWall >= REPUBLISH_MS;
            } catch (RuntimeException e) {
                LOG.warn("Guided session {}: frame {} of device {} not coached: {}", run.id, f.seq(), f.device(),
                        e.toString());
                return;
            }
        }
        if (publish) {
            publish(run);
        }
    }

    /** Applies a coach's effects: tag, band, and the end of the server session when done. */
    private void apply(GuideRun run, CoachEffects e) {
        long at = Math.max(run.coach.lastT() + 1, run.sessionStartedAt);
        try {
            if (e.tag() != null) {
                sessions.tagRegion(run.session, e.tag(), at);
            }
            if (e.band() != null) {
                sessions.setTargetBand(run.session, e.band().low(), e.band().high());
            }
        } catch (RuntimeException ex) {
            LOG.warn("Guided session {}: could not set tag/band on session {}: {}", run.id, run.session, ex.toString());
        }
        if (e.changed()) {
            boolean finished = run.coach.session().state() == SessionState.FINISHED;
            store.saveRun(run.id, finished ? "FINISHED" : "RUNNING", finished ? System.currentTimeMillis() : null,
                    run.coach.session().results());
            if (finished) {
                LOG.info("Guided session {} finished on device {}", run.id, run.device);
                try {
                    sessions.stop(run.user, run.session);
                } catch (RuntimeException ex) {
                    LOG.warn("Guided session {}: could not stop session {}: {}", run.id, run.session, ex.toString());
                }
            }
        }
    }

    private GuideView publish(GuideRun run) {
        GuideView view;
        synchronized (run) {
            view = GuideView.of(run);
            run.lastPublishWall = System.currentTimeMillis();
        }
        live.publish(new LiveEvent("guide", run.device, run.session, view));
        return view;
    }
}
