package dev.spinetrack.server.guided.plan;

import dev.spinetrack.protocol.mqtt.SequenceUnwrapper;
import dev.spinetrack.server.program.Program;
import dev.spinetrack.server.program.ProgramCatalog;
import dev.spinetrack.server.program.ProgramParser;
import dev.spinetrack.server.program.ProgramStep;
import dev.spinetrack.simulator.Playback;
import dev.spinetrack.simulator.ScenarioPlayback;
import dev.spinetrack.simulator.SimulationOptions;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.SetTruth;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rep accuracy of guided coaching on the full sample stream, as the coach runtime is fed: every
 * sample the simulator's mobilization scenario delivers (sensor noise; packets dropped,
 * corrupted and duplicated; duplicates removed and seq order restored as ingest does), in
 * device time, through a {@link LiveCoach} running the bundled program's step for each true
 * set. Seeds 101-124 were never used to tune the counter (its tests use 1-16).
 * <p>Run alone: {@code ./mvnw -B -pl app-server -am test -Dtest=FullStreamRepAccuracyTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; it prints the figure.
 */
class FullStreamRepAccuracyTest {

    /** The coach runs this long before and after each true set, as in a session. */
    private static final long MARGIN_MS = 3_000;
    private static final String[] FAULTS = {"drop=2%", "corrupt=0.5%", "drop=5%", "duplicate=1%",
            "drop=2%,duplicate=1%", ""};

    @Test
    void countsAtLeast95PercentOfSetsExactlyOnUnseenSeeds() throws Exception {
        Program bundled = ProgramCatalog.load(null).get("three-step-ball").orElseThrow();
        int total = 0;
        int exact = 0;
        List<String> misses = new ArrayList<>();
        for (int seed = 101; seed <= 124; seed++) {
            String faults = FAULTS[seed % FAULTS.length];
            Playback playback = ScenarioPlayback.run(new SimulationOptions("mobilization", seed, 1, false, faults), 185);
            for (Playback.DeviceCapture capture : playback.devices()) {
                List<Playback.TimedFrame> stream = asIngested(capture.frames());
                DeviceTruth truth = playback.truth().devices().stream()
                        .filter(d -> d.device().equals(capture.deviceId())).findFirst().orElseThrow();
                for (SetTruth set : truth.sets()) {
                    int counted = coach(bundled.step(set.exercise()), stream, set);
                    total++;
                    if (counted == set.reps()) {
                        exact++;
                    } else {
                        misses.add("seed " + seed + " [" + faults + "] " + set.exercise() + " true " + set.reps()
                                + " counted " + counted);
                    }
                }
            }
        }
        double pct = 100.0 * exact / total;
        System.out.printf("Guided rep counts on the full stream, unseen seeds 101-124 with noise and faults:"
                + " %d/%d sets exact (%.1f %%)%s%n", exact, total, pct, misses.isEmpty() ? "" : "; misses: " + misses);
        assertTrue(total >= 60, "expected the scenario to hold sets, got " + total);
        assertTrue(pct >= 95, pct + " % exact; misses: " + misses);
    }

    /** Duplicates dropped by sequence number and put in seq order, as the server stores them. */
    private static List<Playback.TimedFrame> asIngested(List<Playback.TimedFrame> frames) {
        SequenceUnwrapper seqs = new SequenceUnwrapper();
        TreeMap<Long, Playback.TimedFrame> bySeq = new TreeMap<>();
        for (Playback.TimedFrame f : frames) {
            bySeq.putIfAbsent(seqs.unwrap(f.frame().sequence()), f);
        }
        return new ArrayList<>(bySeq.values());
    }

    /** The reps a guided set of this step counts over the true set's span of the stream. */
    private static int coach(ProgramStep step, List<Playback.TimedFrame> stream, SetTruth set) throws Exception {
        Program one = ProgramParser.parse("one.yaml", """
                id: one
                name: One set
                device: BALL
                steps:
                  - id: %s
                    title: %s
                    kind: mobilize
                    repAxis: %s
                    sets: 1
                    reps: 100
                """.formatted(step.id(), step.id(), step.repAxis().name().toLowerCase()));
        LiveCoach coach = new LiveCoach(GuidedSession.of(one), true);
        boolean started = false;
        for (Playback.TimedFrame f : stream) {
            long t = f.epochMs();
            if (t < set.fromMs() - MARGIN_MS || t >= set.toMs() + MARGIN_MS) {
                continue;
            }
            if (!started) {
                coach.start(t);
                started = true;
            }
            coach.onSample(t, true, null, 0, f.frame().pitchDegrees(), f.frame().rollDegrees());
        }
        return coach.view().snapshot().reps();
    }
}
