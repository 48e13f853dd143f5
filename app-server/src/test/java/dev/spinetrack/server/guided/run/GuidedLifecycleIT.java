package dev.spinetrack.server.guided.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

import static dev.spinetrack.server.guided.run.GuideTestRig.await;
import static dev.spinetrack.server.guided.run.GuideTestRig.awaitTracked;
import static dev.spinetrack.server.guided.run.GuideTestRig.get;
import static dev.spinetrack.server.guided.run.GuideTestRig.post;
import static dev.spinetrack.server.guided.run.GuideTestRig.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guided session's life on one server fed over MQTT: it waits for the device's first sample
 * after the start (a device used an hour earlier does not complete it instantly), a second
 * start is refused naming the running one unless it replaces it, stop and finish free the
 * device at once so it runs again, no server session is left open, every stored result reads
 * back, and reps are counted from the full 100 Hz stream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuidedLifecycleIT {

    private TestBroker broker;
    private TestDatabase db;
    private TestPublisher publisher;
    private EmbeddedServer server;
    private String gateway;

    @BeforeAll
    void start() {
        gateway = "it-guide-" + UUID.randomUUID().toString().substring(0, 8);
        broker = TestBroker.shared();
        db = TestDatabase.create();
        publisher = new TestPublisher(broker.url(), gateway);
        Map<String, Object> props = TestServer.properties(broker.url(), db, gateway, gateway + "-server");
        server = TestServer.start(props);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        publisher.close();
        db.close();
        broker.close();
    }

    private GuideTestRig.Stream ball(String id, long deviceT0) {
        publisher.info(GuideTestRig.ball(gateway, id));
        return new GuideTestRig.Stream(publisher, id, 0, deviceT0);
    }

    private static String startBody(String device, String program, boolean replace) {
        return "{\"device\":\"" + device + "\",\"program\":\"" + program + "\"" + (replace ? ",\"replace\":true" : "")
                + "}";
    }

    @Test
    void aSessionRunsAgainAfterStopAndFinishAndNeverCompletesFromHistory() throws Exception {
        String device = "0000000c1001";
        // The device's clock runs an hour behind the server's: the skew is measured, not mixed in.
        long deviceT0 = System.currentTimeMillis() - 3_600_000L;
        GuideTestRig.Stream s = ball(device, deviceT0 - 3_600_000L);
        awaitTracked(server, device, s.publish(3_000)); // an earlier use, an hour before
        s.skip(3_600_000L - 3_000);

        // Started now: ready, showing the first block, until a fresh sample arrives.
        GuideTestRig.Reply first = post(server, "/api/guided-sessions", startBody(device, "massage-routine", false));
        assertEquals(201, first.status(), first.body().toString());
        long id1 = first.body().path("id").asLong();
        long session1 = first.body().path("session").asLong();
        assertEquals("READY", state(first.body()));
        assertEquals("UPPER_THORACIC_LEFT", first.body().path("snapshot").path("spot").asText());

        s.publish(2_000);
        JsonNode running = await(server, "/api/guided-sessions/" + id1, "the run started on fresh samples",
                v -> "RUNNING".equals(state(v)) && v.path("snapshot").path("elapsedMs").asLong() >= 1_900);
        assertTrue(running.path("snapshot").path("elapsedMs").asLong() <= 2_000,
                "timed from the first sample after the start, not from the earlier use: " + running);
        assertEquals("WORK", running.path("snapshot").path("block").asText());
        long skew = running.path("clockSkewMs").asLong();
        assertTrue(skew >= 3_600_000L - 2_000 && skew < 3_600_000L + 60_000, "server minus device clock: " + skew);

        // A second start is refused naming the running session; with replace it takes over.
        GuideTestRig.Reply refused = post(server, "/api/guided-sessions", startBody(device, "massage-routine", false));
        assertEquals(409, refused.status(), refused.body().toString());
        assertEquals(id1, refused.body().path("running").asLong());
        GuideTestRig.Reply replacing = post(server, "/api/guided-sessions", startBody(device, "massage-routine", true));
        assertEquals(201, replacing.status(), replacing.body().toString());
        long id2 = replacing.body().path("id").asLong();
        JsonNode replaced = get(server, "/api/guided-sessions/" + id1);
        assertEquals("FINISHED", state(replaced));
        assertEquals("replaced", replaced.path("endReason").asText());
        assertFalse(sessionOpen(session1), "the replaced run's server session ended with it");

        // Stop frees the device at once.
        s.publish(500);
        GuideTestRig.Reply stopped = post(server, "/api/guided-sessions/" + id2 + "/stop", "{}");
        assertEquals("FINISHED", state(stopped.body()));
        assertEquals("stopped", stopped.body().path("endReason").asText());
        assertFalse(sessionOpen(replacing.body().path("session").asLong()));
        GuideTestRig.Reply again = post(server, "/api/guided-sessions", startBody(device, "it-short", false));
        assertEquals(400, again.status(), "no such program yet: " + again.body());
        assertEquals(201, post(server, "/api/programs", """
                {"id": "it-short", "name": "Short", "device": "BALL", "steps": [
                  {"id": "spot", "title": "One spot", "kind": "massage", "regions": ["MID_THORACIC_LEFT"],
                   "duration": 3}]}
                """).status());
        GuideTestRig.Reply afterStop = post(server, "/api/guided-sessions", startBody(device, "it-short", false));
        assertEquals(201, afterStop.status(), "runs again right after stop: " + afterStop.body());
        long id3 = afterStop.body().path("id").asLong();

        // Finishing frees it too, and closes its server session.
        s.publish(4_000);
        JsonNode finished = await(server, "/api/guided-sessions/" + id3, "the short program finished",
                v -> "FINISHED".equals(state(v)));
        assertEquals("finished", finished.path("endReason").asText());
        assertEquals(3_000, finished.path("snapshot").path("results").get(0).path("workMs").asLong());
        assertEquals("COMPLETED", finished.path("snapshot").path("results").get(0).path("status").asText());
        // the coach stores the run FINISHED, then closes its server session: a reader may come between
        await(server, "/api/sessions/" + finished.path("session").asLong(), "the finished run's server session closed",
                v -> !v.path("session").path("open").asBoolean(true));
        GuideTestRig.Reply afterFinish = post(server, "/api/guided-sessions", startBody(device, "it-short", false));
        assertEquals(201, afterFinish.status(), "runs again right after finishing: " + afterFinish.body());
        post(server, "/api/guided-sessions/" + afterFinish.body().path("id").asLong() + "/stop", "{}");

        // Every stored run reads back with its results.
        JsonNode history = get(server, "/api/guided-sessions?device=" + device);
        assertEquals(4, history.size(), history.toString());
        for (JsonNode run : history) {
            assertFalse(run.path("results").isEmpty(), "stored results readable: " + run);
            assertEquals("FINISHED", run.path("state").asText());
        }
        assertEquals(3_000, history.get(1).path("results").get(0).path("workMs").asLong());
    }

    @Test
    void repsAreCountedOnTheFullStream() throws Exception {
        String device = "0000000c1002";
        GuideTestRig.Stream s = ball(device, System.currentTimeMillis());
        awaitTracked(server, device, s.publish(500));
        assertEquals(201, post(server, "/api/programs", """
                {"id": "it-reps", "name": "Reps", "device": "BALL", "steps": [
                  {"id": "cat-cow", "title": "Cat-cow", "kind": "mobilize", "repAxis": "pitch", "sets": 1, "reps": 7}]}
                """).status());
        GuideTestRig.Reply started = post(server, "/api/guided-sessions", startBody(device, "it-reps", false));
        assertEquals(201, started.status(), started.body().toString());
        long id = started.body().path("id").asLong();
        // Seven cycles of 3 s, 25 degrees each way. At 100 Hz a cycle is 300 samples; every one is coached.
        s.publish(1_000);
        s.publish(7 * 3_000, 25, ms -> 25 * Math.sin(2 * Math.PI * ms / 3_000.0));
        s.publish(2_000);
        JsonNode done = await(server, "/api/guided-sessions/" + id, "the set of 7 reps ended it",
                v -> "FINISHED".equals(state(v)));
        assertEquals("[7]", done.path("snapshot").path("results").get(0).path("repsPerSet").toString());
        assertEquals("COMPLETED", done.path("snapshot").path("results").get(0).path("status").asText());
    }

    private boolean sessionOpen(long session) throws Exception {
        return get(server, "/api/sessions/" + session).path("session").path("open").asBoolean();
    }
}
