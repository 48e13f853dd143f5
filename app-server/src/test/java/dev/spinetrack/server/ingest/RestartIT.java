package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.session.SessionDetail;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.testing.Await;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.testing.TestServer;
import dev.spinetrack.server.testing.TruthAssert;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server stopped mid-stream and started again ends with the totals of an undisturbed run:
 * what it left unacknowledged and what was published while it was down is delivered to the
 * new instance (persistent MQTT session), duplicates are dropped, and the open session's
 * tracking is rebuilt from storage.
 */
class RestartIT {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void restartMidStreamEndsWithUndisturbedTotals() throws Exception {
        String gateway = "it-restart-" + UUID.randomUUID().toString().substring(0, 8);
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", gateway).get(0);
        String device = run.info().device();
        List<List<Sample>> batches = ScenarioSamples.batches(run.samples(), 100);
        int n = run.samples().size();
        try (TestBroker broker = TestBroker.shared(); TestDatabase db = TestDatabase.create();
             TestPublisher publisher = new TestPublisher(broker.url(), gateway)) {
            Map<String, Object> props = TestServer.properties(broker.url(), db, gateway, gateway + "-server");
            EmbeddedServer first = TestServer.start(props);
            SessionService sessions = first.getApplicationContext().getBean(SessionService.class);
            IngestCounters counters = first.getApplicationContext().getBean(IngestCounters.class);
            publisher.info(run.info());
            Await.until("the device is known", LIMIT, () -> sessions.devices("demo").stream()
                    .anyMatch(d -> d.id().equals(device) && d.kind() != null));
            long sessionId = sessions.start("demo", device).id();

            AtomicReference<Throwable> publishFailure = new AtomicReference<>();
            Thread stream = new Thread(() -> {
                try {
                    for (List<Sample> b : batches) {
                        publisher.batch(device, b);
                    }
                } catch (Throwable t) {
                    publishFailure.set(t);
                }
            }, "it-publisher");
            stream.start();
            Await.until("a third of the stream is stored", LIMIT, () -> counters.storedSamples() >= n / 3);
            first.close();
            assertTrue(counters.storedSamples() < n, "the first server stopped before the stream ended");

            EmbeddedServer second = TestServer.start(props);
            try {
                SessionService again = second.getApplicationContext().getBean(SessionService.class);
                stream.join(LIMIT.toMillis());
                assertNull(publishFailure.get(), "publishing went through");
                Await.until("the second server tracked every sample", LIMIT,
                        () -> again.session("demo", sessionId).session().samples() == n);
                SessionDetail d = again.session("demo", sessionId);
                assertEquals(n, d.session().samples(), "each sample tracked once");
                assertEquals(run.truth().gapMs(), d.session().gapMs(), 50, "data gaps");
                TruthAssert.matches(run.truth(), d.regions(), "after restart");
            } finally {
                second.close();
            }
        }
    }
}
