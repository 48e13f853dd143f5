package dev.spinetrack.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.testing.Await;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.security.Role;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lag the server reports, over a real broker: old data shows as store lag, nothing stays waiting. */
class IngestLagIT {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final long TEN_MINUTES = 600_000;

    @Test
    void dataTenMinutesOldIsReportedAsStoreLagAndNothingStaysWaiting() throws Exception {
        String gateway = "it-lag-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestBroker broker = TestBroker.shared(); TestDatabase db = TestDatabase.create();
             EmbeddedServer server = TestServer.start(TestServer.properties(broker.url(), db, gateway,
                     gateway + "-server"));
             TestPublisher publisher = new TestPublisher(broker.url(), gateway)) {
            IngestLag lag = server.getApplicationContext().getBean(IngestLag.class);
            IngestCounters counters = server.getApplicationContext().getBean(IngestCounters.class);
            ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", gateway).get(0);
            publisher.info(run.info());
            // the scenario's first 1,000 samples, replayed as if recorded ten minutes ago
            long t0 = System.currentTimeMillis() - TEN_MINUTES;
            List<Sample> old = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Sample s = run.samples().get(i);
                old.add(new Sample(s.seq(), t0 + 10L * i, s.pitch(), s.roll(), s.p(), s.battery()));
            }
            List<List<Sample>> batches = ScenarioSamples.batches(old, 100);
            for (List<Sample> b : batches) {
                publisher.batch(run.info().device(), b);
            }
            Await.until("1000 samples stored", LIMIT, () -> counters.storedSamples() == 1000);
            Await.until("every batch's store lag recorded", LIMIT, () -> lag.storedBatches() == batches.size());
            assertEquals(0, lag.waitingMessages(), "acknowledged messages no longer wait");
            assertEquals(0, lag.currentLagMs());
            // commit time minus the newest sample's time: at least ten minutes less the batch's 10 s span
            assertTrue(lag.storeLagMs(0.99) > TEN_MINUTES - 10_000 - 60_000, "p99 " + lag.storeLagMs(0.99));

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.getPort() + "/api/admin/health")) // details: admins
                    .header("Authorization", TestServer.bearer(server, "it-admin", Role.ADMIN)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode ingest = new ObjectMapper().readTree(health.body()).path("details").path("ingest");
            assertEquals("UP", ingest.path("status").asText(), health.body());
            assertFalse(ingest.path("details").path("behind").asBoolean(true), health.body());
            assertEquals(0, ingest.path("details").path("lagMs").asLong(-1), health.body());
            assertTrue(ingest.path("details").path("storeLagP99Ms").asLong() > TEN_MINUTES - 70_000, health.body());
        }
    }
}
