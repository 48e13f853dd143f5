package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.testing.Await;
import dev.spinetrack.testing.Brokers;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.testing.TestServer;
import dev.spinetrack.server.testing.TruthAssert;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two server instances share the sample stream through an MQTT 5 shared subscription and one
 * database: each batch goes to one of them, and the stored rollups still match ground truth,
 * because processing is keyed by (device, seq) and each device is tracked from stored data.
 */
class SharedSubscriptionIT {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void twoInstancesSplitTheStreamAndAgreeWithGroundTruth() {
        assumeTrue(Brokers.sharingAvailable(), "needs a broker whose shared subscriptions hold up under load: "
                + "spinetrack.it.mqtt or an installed mosquitto (CI has both; see Brokers.sharingAvailable)");
        String gateway = "it-shared-" + UUID.randomUUID().toString().substring(0, 8);
        List<ScenarioSamples.DeviceRun> runs = ScenarioSamples.play("studio", gateway);
        try (TestBroker broker = Brokers.sharing(); TestDatabase db = TestDatabase.create();
             TestPublisher publisher = new TestPublisher(broker.url(), gateway)) {
            Map<String, Object> a = TestServer.properties(broker.url(), db, gateway, gateway + "-a");
            a.put("spinetrack.mqtt.shared-group", gateway);
            Map<String, Object> b = new java.util.HashMap<>(a);
            b.put("spinetrack.mqtt.client-id", gateway + "-b");
            EmbeddedServer first = TestServer.start(a);
            EmbeddedServer second = TestServer.start(b);
            try {
                SessionService sessions = first.getApplicationContext().getBean(SessionService.class);
                IngestCounters ca = first.getApplicationContext().getBean(IngestCounters.class);
                IngestCounters cb = second.getApplicationContext().getBean(IngestCounters.class);
                for (ScenarioSamples.DeviceRun run : runs) {
                    publisher.info(run.info());
                }
                // both instances have stored or read the infos, so each knows the other writes too
                SessionService other = second.getApplicationContext().getBean(SessionService.class);
                Await.until("every device is known to both instances", LIMIT, () -> sessions.devices("demo").stream()
                        .filter(d -> d.kind() != null).count() == runs.size() && other.devices("demo").stream()
                        .filter(d -> d.kind() != null).count() == runs.size());
                List<Long> ids = new ArrayList<>();
                for (ScenarioSamples.DeviceRun run : runs) {
                    ids.add(sessions.start("demo", run.info().device()).id());
                }
                long total = 0;
                for (ScenarioSamples.DeviceRun run : runs) {
                    for (List<Sample> batch : ScenarioSamples.batches(run.samples(), 250)) {
                        publisher.batch(run.info().device(), batch);
                    }
                    total += run.samples().size();
                }
                long expected = total;
                Await.until("both instances together stored every sample", LIMIT,
                        () -> ca.storedSamples() + cb.storedSamples() == expected,
                        () -> "of " + expected + " stored " + ca.storedSamples() + " + " + cb.storedSamples()
                                + ", duplicates " + ca.duplicateSamples() + " + " + cb.duplicateSamples()
                                + ", messages rejected " + ca.badMessages() + " + " + cb.badMessages());
                assertTrue(ca.storedSamples() > 0 && cb.storedSamples() > 0,
                        "both instances took a share: " + ca.storedSamples() + " / " + cb.storedSamples());
                for (int i = 0; i < runs.size(); i++) {
                    ScenarioSamples.DeviceRun run = runs.get(i);
                    TruthAssert.sessionMatches(sessions, "demo", ids.get(i), run, "shared " + run.info().device());
                }
            } finally {
                second.close();
                first.close();
            }
        }
    }
}
