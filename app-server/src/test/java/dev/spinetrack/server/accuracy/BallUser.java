package dev.spinetrack.server.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.scenario.DeviceScript;
import dev.spinetrack.simulator.scenario.Step;

import java.time.Duration;

/**
 * A person with a ball and the dashboard. By hand: starts a session when the ball shows up in
 * the device list, then, watching what they do (the scenario's script on its running clock),
 * tags each region as they move the ball there and NONE as they lift it off, through the API and
 * at the moment they act. Guided: starts a program on the ball instead, whose steps tag the
 * session as they go. Either way the server stamps each tag with the device's next sample, and
 * nothing here reads the ground truth: the script says what the person does, not what the
 * devices measured.
 */
final class BallUser implements Runnable {

    private final PipelineRig rig;
    private final String device;
    private final DeviceScript script;
    private final String program;
    private volatile long session = -1;
    private volatile long guided = -1;
    private volatile Throwable failure;

    /**
     * @param program a guided program to run on the ball (its steps tag), or null to tag by hand
     */
    BallUser(PipelineRig rig, String device, DeviceScript script, String program) {
        this.rig = rig;
        this.device = device;
        this.script = script;
        this.program = program;
    }

    /** The session this user started (-1 before). */
    long session() {
        return session;
    }

    /** Ends the session (or the guided run) as the user would at the end: its samples stay in it. */
    void stop() {
        if (guided >= 0) {
            rig.post("/api/guided-sessions/" + guided + "/stop", "");
        } else if (session >= 0) {
            rig.post("/api/sessions/" + session + "/stop", "");
        }
    }

    /** What went wrong on the user's thread, if anything. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            Simulation sim = rig.simulation();
            while (!listed() && !sim.finished()) {
                Thread.sleep(20);
            }
            if (program != null) {
                JsonNode run = rig.post("/api/guided-sessions", "{\"device\":\"" + device + "\",\"program\":\""
                        + program + "\"}");
                guided = run.path("id").asLong();
                session = run.path("session").asLong();
                System.out.printf("ball user %s: started guided program %s (run %d, session %d)%n", device, program,
                        guided, session);
                return; // the program's steps tag the session
            }
            JsonNode started = rig.post("/api/sessions", "{\"device\":\"" + device + "\"}");
            session = started.path("id").asLong();
            Region tagged = null;
            boolean anyTag = false;
            while (!sim.finished()) {
                Step step = stepAt(sim.elapsed());
                Region now = step == null ? null : step.regionOrNull();
                if (now != tagged && (now != null || anyTag)) {
                    long asked = System.nanoTime();
                    long scenarioMs = sim.elapsed().toMillis();
                    rig.post("/api/sessions/" + session + "/tags",
                            "{\"region\":\"" + (now == null ? "NONE" : now.name()) + "\"}");
                    tagged = now;
                    anyTag = true;
                    System.out.printf("ball user %s: tagged %s at scenario %d ms, answered in %d ms%n", device, now,
                            scenarioMs, (System.nanoTime() - asked) / 1_000_000);
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
        }
    }

    private boolean listed() {
        for (JsonNode d : rig.get("/api/devices")) {
            if (device.equals(d.path("id").asText()) && "BALL".equals(d.path("kind").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The scripted step at a scenario time, null past the end. */
    private Step stepAt(Duration elapsed) {
        long at = elapsed.toMillis();
        long from = 0;
        for (Step s : script.script()) {
            if (at < from + s.durationMs()) {
                return s;
            }
            from += s.durationMs();
        }
        return null;
    }
}
