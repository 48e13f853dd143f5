package dev.spinetrack.server.guided.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
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
 * Guided runs outlive the instance that coaches them: after a restart the run carries on from
 * its stored progress and coaches what arrived while the server was down; a second instance on
 * the same database leaves a running run alone at its start, takes it over when a request for
 * it arrives there, and hands it back when it stops; a run whose program the resuming instance
 * does not know ends cleanly and closes its server session.
 */
class GuidedResumeIT {

    @Test
    void runsResumeAfterARestartAndMoveBetweenInstances() throws Exception {
        String gateway = "it-resume-" + UUID.randomUUID().toString().substring(0, 8);
        String device = "0000000c2001";
        try (TestBroker broker = TestBroker.shared(); TestDatabase db = TestDatabase.create();
             TestPublisher publisher = new TestPublisher(broker.url(), gateway)) {
            Map<String, Object> props = new HashMap<>(TestServer.properties(broker.url(), db, gateway, gateway + "-a"));
            props.put("spinetrack.guide.lease-ms", 1_500);
            GuideTestRig.Stream s = new GuideTestRig.Stream(publisher, device, 0, System.currentTimeMillis());

            // The gateway is registered as the server starts; its device's info comes after, as
            // from a gateway its owner just registered.
            EmbeddedServer a = TestServer.start(props);
            publisher.info(GuideTestRig.ball(gateway, device));
            awaitTracked(a, device, s.publish(500));
            GuideTestRig.Reply started = post(a, "/api/guided-sessions",
                    "{\"device\":\"" + device + "\",\"program\":\"massage-routine\"}");
            assertEquals(201, started.status(), started.body().toString());
            long id = started.body().path("id").asLong();
            long session = started.body().path("session").asLong();
            s.publish(4_000);
            await(a, "/api/guided-sessions/" + id, "4 s coached before the restart",
                    v -> v.path("snapshot").path("elapsedMs").asLong() >= 3_990);
            a.close();

            // Published while no server runs: the restarted one resumes the run and coaches it.
            s.publish(3_000);
            EmbeddedServer b = TestServer.start(props);
            try {
                JsonNode resumed = await(b, "/api/guided-sessions/" + id, "the run resumed with what came meanwhile",
                        v -> v.path("snapshot").path("elapsedMs").asLong() >= 6_990);
                assertEquals("RUNNING", state(resumed));
                assertEquals(session, resumed.path("session").asLong(), "the same server session carries on");
                assertTrue(resumed.path("snapshot").path("elapsedMs").asLong() <= 7_000, resumed.toString());

                // A second instance on the same database: its start leaves the run alone.
                Map<String, Object> propsC = new HashMap<>(TestServer.properties(broker.url(), db, gateway,
                        gateway + "-c"));
                propsC.put("spinetrack.guide.lease-ms", 1_500);
                EmbeddedServer c = TestServer.start(propsC);
                try {
                    s.publish(1_000);
                    JsonNode seenFromC = await(c, "/api/guided-sessions/" + id, "the other instance sees it running",
                            v -> v.path("snapshot").path("elapsedMs").asLong() >= 7_990);
                    assertEquals("RUNNING", state(seenFromC));
                    assertEquals("RUNNING", state(get(b, "/api/guided-sessions/" + id)));

                    // A request reaching the other instance moves the run there.
                    GuideTestRig.Reply next = post(c, "/api/guided-sessions/" + id + "/next", "{}");
                    assertEquals(200, next.status(), next.body().toString());
                    assertEquals("SWITCH_SIDE", next.body().path("snapshot").path("block").asText());
                    s.publish(2_000);
                    await(c, "/api/guided-sessions/" + id, "the new owner coaches the switch",
                            v -> "SWITCH_SIDE".equals(v.path("snapshot").path("block").asText())
                                    && v.path("snapshot").path("elapsedMs").asLong() >= 1_990);

                    // A run of a program only the other instance knows cannot resume here.
                    assertEquals(201, post(c, "/api/programs", """
                            {"id": "it-only-c", "name": "Only on C", "device": "BALL", "steps": [
                              {"id": "spot", "title": "One spot", "kind": "massage", "regions": ["MID_THORACIC_LEFT"],
                               "duration": 600}]}
                            """).status());
                    GuideTestRig.Reply onlyC = post(c, "/api/guided-sessions",
                            "{\"device\":\"" + device + "\",\"program\":\"it-only-c\",\"replace\":true}");
                    assertEquals(201, onlyC.status(), onlyC.body().toString());
                    long orphanCandidate = onlyC.body().path("id").asLong();
                    assertEquals("replaced", get(c, "/api/guided-sessions/" + id).path("endReason").asText());
                    s.publish(500);
                    await(c, "/api/guided-sessions/" + orphanCandidate, "running on C",
                            v -> "RUNNING".equals(state(v)));
                } finally {
                    c.close();
                }
                // C let go of it; B may take it but does not know the program.
                long candidate = get(b, "/api/guided-sessions?device=" + device).get(0).path("id").asLong();
                JsonNode ended = await(b, "/api/guided-sessions/" + candidate, "the run that cannot resume ended",
                        v -> !v.path("endReason").asText().isEmpty());
                assertEquals("cannot-resume", ended.path("endReason").asText());
                assertEquals("FINISHED", state(ended));
                assertEquals("INTERRUPTED", get(b, "/api/guided-sessions?device=" + device).get(0).path("state").asText());
                assertFalse(get(b, "/api/sessions/" + ended.path("session").asLong()).path("session").path("open")
                        .asBoolean(), "its server session was closed");
                assertEquals(201, post(b, "/api/guided-sessions",
                        "{\"device\":\"" + device + "\",\"program\":\"massage-routine\"}").status(), "the device is free");
            } finally {
                b.close();
            }
        }
    }
}
