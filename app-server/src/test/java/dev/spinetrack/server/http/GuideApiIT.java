package dev.spinetrack.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The programs, guided-session and tender-spot API against the running server fed by the
 * gateway playing the simulator's ball massage four times faster than real time: the guided
 * massage routine drives the ball's region and band, the cues follow the samples, ratings carry
 * the tolerated pressure, and every refused request says why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuideApiIT {

    private static final String JSON = "application/json";
    private DashboardStack stack;
    private String ball;
    private Path dir;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        stack = new DashboardStack(dir, "massage", 4);
        ball = stack.deviceNamed("SpineTrack Ball", Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theGuidedMassageRoutineDrivesRegionBandAndCuesFromLiveSamples() throws Exception {
        DashboardStack.Reply started = stack.post("/api/guided-sessions",
                "{\"device\":\"" + ball + "\",\"program\":\"massage-routine\"}", JSON, null);
        assertEquals(201, started.status(), started.body().toString());
        long id = started.body().path("id").asLong();
        long session = started.body().path("session").asLong();
        assertEquals("UPPER_THORACIC_LEFT", started.body().path("snapshot").path("spot").asText());

        // The session service applies the step's band and tags the ball with the step's spot.
        JsonNode detail = waitFor(() -> stack.get("/api/sessions/" + session),
                d -> worked(d).size() > 0, Duration.ofSeconds(60));
        assertEquals(java.util.List.of("UPPER_THORACIC_LEFT"), worked(detail), "the ball dwells where it was told");
        JsonNode marks = detail.path("marks");
        assertTrue(marks.toString().contains("\"bandLow\":18.0") && marks.toString().contains("\"bandHigh\":32.0"),
                marks.toString());

        // Wait until the ball has worked in the band a while (device time, 4x the wall clock).
        JsonNode view = waitFor(() -> stack.get("/api/guided-sessions/" + id), v -> v.has("bandCue")
                && v.path("snapshot").path("results").get(0).path("inZoneMs").asLong() > 8_000, Duration.ofSeconds(60));
        assertTrue(view.path("contact").asBoolean());
        assertTrue(view.path("pressure").asDouble() > 0);
        assertEquals("HOLD", view.path("dwell").path("cue").asText());
        assertEquals(id, stack.get("/api/devices/" + ball + "/guided-session").path("id").asLong(),
                "the device's guided session is found by device");

        // A tender spot rated twice: the trend carries tolerated pressure and tenderness.
        DashboardStack.Reply first = stack.post("/api/guided-sessions/" + id + "/tender", "{\"tenderness\":6}", JSON, null);
        assertEquals(200, first.status(), first.body().toString());
        assertEquals("UPPER_THORACIC_LEFT", first.body().path("region").asText());
        DashboardStack.Reply second = stack.post("/api/guided-sessions/" + id + "/tender",
                "{\"region\":\"UPPER_THORACIC_LEFT\",\"tenderness\":3}", JSON, null);
        String summary = second.body().path("summary").asText();
        assertTrue(summary.matches("tolerates (the same pressure|\\d+ % (more|less) pressure), tenderness 6 -> 3"), summary);
        JsonNode spots = stack.get("/api/tender-spots");
        assertTrue(spots.path("ratings").size() >= 2);
        JsonNode latest = spots.path("ratings").get(spots.path("ratings").size() - 1);
        assertTrue(latest.path("toleratedPressure").asDouble() > 10, "mean pressure the spot took: " + latest);

        // Faults: each refused with its reason.
        assertProblem(stack.post("/api/guided-sessions/" + id + "/tender", "{\"tenderness\":11}", JSON, null),
                400, "tenderness", "must be 0..10, was 11");
        assertProblem(stack.post("/api/guided-sessions/" + id + "/tender", "{\"region\":\"NECK\",\"tenderness\":2}", JSON,
                null), 400, "region", "unknown region 'NECK'");
        assertProblem(stack.post("/api/guided-sessions/" + id + "/log", "{\"reps\":8}", JSON, null),
                409, "state", "the current block is a work on time, not a set");
        assertEquals(404, stack.post("/api/guided-sessions/" + id + "/next", "{}", JSON, "someone-else").status(),
                "another user's guided session does not exist for them");

        // Next moves to the side switch; stop ends it and the server session with it.
        DashboardStack.Reply next = stack.post("/api/guided-sessions/" + id + "/next", "{}", JSON, null);
        assertEquals("SWITCH_SIDE", next.body().path("snapshot").path("block").asText());
        DashboardStack.Reply stopped = stack.post("/api/guided-sessions/" + id + "/stop", "{}", JSON, null);
        assertEquals("FINISHED", stopped.body().path("snapshot").path("state").asText());
        assertEquals("SKIPPED", stopped.body().path("snapshot").path("results").get(0).path("status").asText());
        assertProblem(stack.post("/api/guided-sessions/" + id + "/next", "{}", JSON, null), 409, "state",
                "guided session " + id + " is finished");
        JsonNode history = stack.get("/api/guided-sessions?device=" + ball);
        assertEquals("FINISHED", history.get(0).path("state").asText());
        assertFalse(stack.get("/api/sessions/" + session).path("session").path("open").asBoolean(),
                "the server session ended with the guided session");
    }

    @Test
    void startingIsRefusedWithAReason() throws Exception {
        assertProblem(stack.post("/api/guided-sessions", "{\"device\":\"" + ball + "\",\"program\":\"nope\"}", JSON, null),
                400, "program", "no program 'nope'");
        assertProblem(stack.post("/api/guided-sessions", "{\"device\":\"" + ball + "\",\"program\":\"rack-decompression\"}",
                JSON, null), 400, "program", "program 'rack-decompression' is for a rack, device " + ball + " is a ball");
        assertProblem(stack.post("/api/guided-sessions", "{\"program\":\"massage-routine\"}", JSON, null),
                400, "device", "is required");
        assertEquals(404, stack.post("/api/guided-sessions", "{\"device\":\"0123456789ab\",\"program\":\"massage-routine\"}",
                JSON, null).status());
        assertEquals(404, stack.post("/api/guided-sessions", "{\"device\":\"" + ball + "\",\"program\":\"massage-routine\"}",
                JSON, "someone-else").status(), "another user's device");
    }

    @Test
    void programsAreListedAndUploadsValidatedAndKept() throws Exception {
        JsonNode list = stack.get("/api/programs");
        assertEquals("massage-routine", list.get(0).path("id").asText());
        java.util.List<String> ids = new java.util.ArrayList<>();
        list.forEach(p -> ids.add(p.path("id").asText()));
        assertTrue(ids.containsAll(java.util.List.of("massage-routine", "three-step-ball", "three-step-rack",
                "rack-decompression")), ids.toString());
        assertEquals("MASSAGE", stack.get("/api/programs/three-step-ball").path("steps").get(0).path("kind").asText());

        DashboardStack.Reply bad = stack.post("/api/programs", """
                id: mine
                name: Mine
                device: BALL
                steps:
                  - {id: a, title: A, kind: massage, regions: [MID_BACK], duration: 60}
                """, "application/yaml", null);
        assertProblem(bad, 400, "steps[0] (a).regions[0]", "unknown region 'MID_BACK'");

        DashboardStack.Reply good = stack.post("/api/programs", """
                {"id": "api-test-twist", "name": "Twist", "device": "BALL", "steps": [
                  {"id": "twist", "title": "Twist", "kind": "mobilize", "repAxis": "roll", "sets": 2, "reps": 6}]}
                """, JSON, null);
        assertEquals(201, good.status(), good.body().toString());
        assertEquals("ROLL", stack.get("/api/programs/api-test-twist").path("steps").get(0).path("repAxis").asText());
        assertTrue(Files.exists(dir.resolve("programs/api-test-twist.json")), "kept in the data dir for restarts");
    }

    private static java.util.List<String> worked(JsonNode sessionDetail) {
        java.util.List<String> regions = new java.util.ArrayList<>();
        for (JsonNode r : sessionDetail.path("regions")) {
            if (r.path("dwellMs").asLong() > 0) {
                regions.add(r.path("region").asText());
            }
        }
        return regions;
    }

    private static void assertProblem(DashboardStack.Reply r, int status, String field, String reasonStart) {
        assertEquals(status, r.status(), r.body().toString());
        JsonNode errors = r.body().path("errors");
        boolean found = false;
        for (JsonNode e : errors) {
            found |= field.equals(e.path("field").asText()) && e.path("reason").asText().startsWith(reasonStart);
        }
        assertTrue(found, "expected " + field + ": " + reasonStart + " in " + r.body());
    }

    private interface Fetch {
        JsonNode get() throws Exception;
    }

    private static JsonNode waitFor(Fetch fetch, java.util.function.Predicate<JsonNode> ok, Duration timeout)
            throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < until) {
            last = fetch.get();
            if (ok.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met in " + timeout + "; last: " + last);
    }
}
