package dev.spinetrack.server.guided.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The leases of the runs {@link GuideRuntime} coaches: renewed every round (storing where each run
 * stands), runs nobody holds any more resumed here, runs another instance holds taken over on a
 * request, and every run caught up with what storage holds on the coach thread.
 */
final class RunLeases {

    private static final Logger LOG = LoggerFactory.getLogger(RunLeases.class);

    private final GuideRuntime runtime;
    private final GuideRunStore runs;
    private final GuideResumer resumer;
    private final String instance;
    private final long leaseMs;
    private final Map<String, GuideRun> byDevice;
    private final Map<Long, GuideRun> byId;
    private final ExecutorService coachThread;
    private final RunCoaching coaching;

    RunLeases(GuideRuntime runtime, GuideRunStore runs, GuideResumer resumer, String instance, long leaseMs,
              Map<String, GuideRun> byDevice, Map<Long, GuideRun> byId, ExecutorService coachThread,
              RunCoaching coaching) {
        this.runtime = runtime;
        this.runs = runs;
        this.resumer = resumer;
        this.instance = instance;
        this.leaseMs = leaseMs;
        this.byDevice = byDevice;
        this.byId = byId;
        this.coachThread = coachThread;
        this.coaching = coaching;
    }

    /** See {@link GuideRuntime#takeOver}. */
    Optional<GuideRun> takeOver(long id) {
        GuideRun here = byId.get(id);
        if (here != null) {
            return Optional.of(here);
        }
        long now = System.currentTimeMillis();
        if (!runs.claim(id, instance, now, now + leaseMs, true)) {
            return Optional.empty();
        }
        return runs.find(id).flatMap(this::resume);
    }

    /** Renews this instance's leases (storing where each run stands), resumes runs nobody holds, catches up. */
    void tick() {
        try {
            for (GuideRun run : byId.values()) {
                synchronized (run) {
                    if (run.running()) {
                        runtime.save(run);
                    }
                }
            }
            long now = System.currentTimeMillis();
            for (long id : runs.unowned(now)) {
                if (!byId.containsKey(id) && runs.claim(id, instance, now, now + leaseMs, false)) {
                    runs.find(id).ifPresent(this::resume);
                }
            }
            for (GuideRun run : byId.values()) {
                coachThread.execute(() -> {
                    boolean changed;
                    synchronized (run) {
                        changed = coaching.catchUp(run, Long.MAX_VALUE);
                    }
                    if (changed) {
                        runtime.publish(run);
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("Guided sessions: lease round failed, retried next round: {}", e.toString());
        }
    }

    /** Carries on a stored run here, or ends it when that cannot be done. */
    private Optional<GuideRun> resume(StoredRun r) {
        Optional<GuideRun> restored = resumer.restore(r);
        if (restored.isEmpty()) {
            return restored;
        }
        GuideRun run = restored.get();
        GuideRun other = byDevice.putIfAbsent(r.device(), run);
        if (other != null && other.id != run.id) {
            // Two runs claim one device (a start raced a resume): the newer one keeps it.
            if (other.id > run.id) {
                resumer.end(r, "guided session " + other.id + " runs on the device");
                return Optional.empty();
            }
            byDevice.put(r.device(), run);
            runtime.stop(other, "replaced");
        }
        byId.put(run.id, run);
        LOG.info("Guided session {} resumed on device {} from seq {} (program {}, session {})", run.id, run.device,
                run.coachedSeq + 1, run.programId, run.session);
        coachThread.execute(() -> {
            synchronized (run) {
                coaching.catchUp(run, Long.MAX_VALUE);
            }
            runtime.publish(run);
        });
        return Optional.of(run);
    }
}
