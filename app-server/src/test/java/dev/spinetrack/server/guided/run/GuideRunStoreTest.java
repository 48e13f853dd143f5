package dev.spinetrack.server.guided.run;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.tender.TenderRating;
import dev.spinetrack.server.guided.plan.GuideProgress;
import dev.spinetrack.server.guided.plan.SessionState;
import dev.spinetrack.server.guided.plan.StepResult;
import dev.spinetrack.server.guided.plan.StepStatus;
import dev.spinetrack.server.program.StepKind;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guided runs and ratings through the real schema (Flyway, H2): every kind of step result and
 * every step status comes back exactly as stored, in the progress a run resumes from and in
 * the history the API lists; a write by an instance that lost the run changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuideRunStoreTest {

    private ApplicationContext context;
    private GuideRunStore runs;
    private CoachStore ratings;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("guide-store-test");
        context = ApplicationContext.run(Map.of(
                "datasources.default.url", "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
                "spinetrack.data-dir", dir.toString(),
                "spinetrack.mqtt.enabled", "false",
                "spinetrack.mqtt.url", "tcp://127.0.0.1:9"), "test"); // no ingest, so no embedded broker either
        runs = context.getBean(GuideRunStore.class);
        ratings = context.getBean(CoachStore.class);
    }

    @AfterAll
    void stop() {
        context.close();
    }

    /** One result per step kind and per status, with every field set to something telling. */
    private static List<StepResult> everyResult() {
        List<StepResult> out = new ArrayList<>();
        int i = 0;
        for (StepKind kind : StepKind.values()) {
            for (StepStatus status : StepStatus.values()) {
                i++;
                out.add(new StepResult("step-" + i, "Step \"" + i + "\" – ü", kind, status, 1_700_000_000_000L + i,
                        status == StepStatus.PENDING ? -1 : 1_700_000_100_000L + i, 1000L * i, i % 3,
                        i % 2 == 0 ? List.of() : List.of(i, 0, 12), 8 + i, 11L * i, 7L * i, 5L * i));
            }
        }
        return out;
    }

    @Test
    void everyResultTypeRoundTripsThroughStorage() {
        List<StepResult> results = everyResult();
        GuideProgress running = new GuideProgress(SessionState.RUNNING, 3, 1_700_000_050_000L, 4, 1, results);
        long id = runs.insert("store-user", "00000000a001", "three-step-ball", 41, 17, 1_800_000_000_000L, running,
                "instance-a", Long.MAX_VALUE);

        StoredRun stored = runs.find(id).orElseThrow();
        assertEquals(running, stored.progress(), "the progress a run resumes from");
        assertEquals(results, stored.results());
        assertEquals(17L, stored.fromSeq());
        assertTrue(stored.running());
        assertEquals(id, runs.runningOn("00000000a001").orElseThrow().id());

        GuideProgress finished = new GuideProgress(SessionState.FINISHED, 9, 1_700_000_090_000L, 0, 0, results);
        assertTrue(runs.save(id, "instance-a", "FINISHED", "stopped", 1_800_000_001_000L, finished, 99L,
                1_700_000_099_000L, -250L, 0));
        GuideRecord listed = runs.runs("store-user", null, 10).stream().map(GuideRecord::of)
                .filter(r -> r.id() == id).findFirst().orElseThrow();
        assertEquals(results, listed.results(), "the history lists every stored result");
        assertEquals("FINISHED", listed.state());
        assertEquals("stopped", listed.endReason());
        assertEquals(-250L, listed.clockSkewMs());
        assertTrue(runs.runningOn("00000000a001").isEmpty(), "a finished run frees the device");
    }

    @Test
    void aWriteByAnInstanceThatLostTheRunChangesNothing() {
        GuideProgress p = new GuideProgress(SessionState.READY, -1, 0, 0, 0, everyResult());
        long id = runs.insert("store-user", "00000000a002", "massage-routine", 42, 5, 1_800_000_000_000L, p,
                "instance-a", 1_000);
        assertTrue(runs.claim(id, "instance-b", 2_000, 12_000, false), "an expired lease is taken");
        assertFalse(runs.claim(id, "instance-c", 3_000, 13_000, false), "a live lease is not");
        GuideProgress later = new GuideProgress(SessionState.RUNNING, 0, 10, 0, 0, everyResult());
        assertFalse(runs.save(id, "instance-a", "RUNNING", null, null, later, 6L, 10L, null, 20_000));
        assertEquals(p, runs.find(id).orElseThrow().progress());
        assertEquals("instance-b", runs.find(id).orElseThrow().owner());
    }

    @Test
    void ratingsRoundTripWithAndWithoutToleratedPressure() {
        ratings.addRating("rating-user", "00000000a003", 7, new TenderRating("7", 2, Region.MID_THORACIC_LEFT, 6, 23.5,
                1_700_000_000_000L));
        ratings.addRating("rating-user", "00000000a003", 7, new TenderRating("7", 2, Region.MID_THORACIC_LEFT, 3,
                Double.NaN, 1_700_000_001_000L));
        List<TenderRating> back = ratings.ratings("rating-user");
        assertEquals(2, back.size());
        assertEquals(23.5, back.get(0).toleratedPressure());
        assertTrue(Double.isNaN(back.get(1).toleratedPressure()));
        assertEquals(Region.MID_THORACIC_LEFT, back.get(1).region());
    }
}
