package dev.spinetrack.server.guided.run;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.server.guided.plan.GuidedSession;
import dev.spinetrack.server.guided.plan.LiveCoach;
import dev.spinetrack.server.guided.plan.SessionPlan;
import dev.spinetrack.server.program.Program;
import dev.spinetrack.server.program.ProgramCatalog;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.server.session.TrackingSettings;
import dev.spinetrack.server.storage.SessionRow;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Turns a stored run back into one that can be coached (its program, progress, last device
 * time and sample cursor), or, when that cannot be done (the program is gone or changed, the
 * server session ended, nothing was stored to resume from), ends it and closes its server
 * session, so no run and no session is left open.
 */
@Singleton
public class GuideResumer {

    private static final Logger LOG = LoggerFactory.getLogger(GuideResumer.class);

    private final ProgramCatalog programs;
    private final SessionService sessions;
    private final GuideRunStore runs;
    private final long switchMs;
    private final long gapLimitMs;

    public GuideResumer(ProgramCatalog programs, SessionService sessions, GuideRunStore runs,
                        @Value("${spinetrack.guide.switch-side-ms:10000}") long switchMs, TrackingSettings tracking) {
        this.programs = programs;
        this.sessions = sessions;
        this.runs = runs;
        this.switchMs = switchMs;
        this.gapLimitMs = tracking.gapLimitMs();
    }

    /** The plan a program runs as on this server. */
    SessionPlan plan(Program program) {
        return SessionPlan.of(program, switchMs);
    }

    /** A coach for a new run, with tracking's gap limit so its steps' band time is the tracker's. */
    LiveCoach coach(Program program) {
        return new LiveCoach(new GuidedSession(plan(program)), program.device() == DeviceKind.BALL, gapLimitMs);
    }

    /** The run rebuilt from storage, or empty after ending it when it cannot resume. */
    Optional<GuideRun> restore(StoredRun r) {
        Optional<Program> program = programs.get(r.programId());
        Optional<SessionRow> open = sessions.openSession(r.device());
        String why = program.isEmpty() ? "program " + r.programId() + " is gone"
                : r.progress() == null || r.fromSeq() == null ? "it was stored without its progress"
                : open.isEmpty() || open.get().id() != r.session() ? "its server session " + r.session() + " ended"
                : null;
        GuidedSession session = null;
        if (why == null) {
            try {
                session = GuidedSession.resume(plan(program.get()), r.progress());
            } catch (IllegalArgumentException e) {
                why = e.getMessage();
            }
        }
        if (why != null) {
            end(r, why);
            return Optional.empty();
        }
        LiveCoach coach = LiveCoach.resume(session, program.get().device() == DeviceKind.BALL,
                r.deviceT() == null ? Long.MIN_VALUE : r.deviceT(), gapLimitMs);
        long cursor = r.coachedSeq() == null ? r.fromSeq() - 1 : r.coachedSeq();
        return Optional.of(new GuideRun(r.id(), r.user(), r.device(), r.programId(), r.session(), r.fromSeq(), cursor,
                coach, r.startedAt()));
    }

    /** Ends a run that cannot resume (state INTERRUPTED, reason cannot-resume) and closes its server session. */
    void end(StoredRun r, String why) {
        if (runs.end(r.id(), "INTERRUPTED", "cannot-resume", System.currentTimeMillis())) {
            LOG.info("Guided session {} on device {} cannot resume ({}); ended, its server session {} closed", r.id(),
                    r.device(), why, r.session());
            try {
                sessions.stop(r.user(), r.session());
            } catch (RuntimeException e) {
                LOG.warn("Guided session {}: could not stop session {}: {}", r.id(), r.session(), e.toString());
            }
        }
    }
}
