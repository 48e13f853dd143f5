package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.session.SessionDetail;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.testing.Await;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.IngestRig;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.testing.TruthAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ingest over a real broker into a real database: redelivered, reordered and bad messages, held
 * samples. Batches are built here, not by the gateway; accuracy through the whole pipeline is
 * {@link dev.spinetrack.server.accuracy.GatewayPipelineAccuracyIT}.
 */
class MqttIngestIT {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static TestBroker broker;
    private IngestRig rig;
    private TestPublisher publisher;
    private IngestCounters counters;
    private SessionService sessions;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.shared();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void startServer() {
        rig = IngestRig.start(broker, "it-ingest");
        publisher = rig.publisher();
        counters = rig.counters();
        sessions = rig.sessions();
    }

    @AfterEach
    void stopServer() {
        rig.close();
    }

    @Test
    void redeliveredAndReorderedBatchesChangeNothing() {
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", publisher.gateway()).get(0);
        long id = startSessions(List.of(run)).get(0);
        List<List<Sample>> batches = new ArrayList<>(ScenarioSamples.batches(run.samples(), 400));
        // neighbouring batches swap places, as after a gateway retry
        for (int i = 0; i + 1 < batches.size(); i += 2) {
            Collections.swap(batches, i, i + 1);
        }
        for (List<Sample> b : batches) {
            publisher.batch(run.info().device(), b);
        }
        // and everything arrives a second time, as after a redelivery
        for (List<Sample> b : batches) {
            publisher.batch(run.info().device(), b);
        }
        int n = run.samples().size();
        Await.until("every sample stored once and seen twice", LIMIT,
                () -> counters.storedSamples() == n && counters.duplicateSamples() == n);
        SessionDetail d = sessions.session("demo", id);
        assertEquals(n, d.session().samples());
        TruthAssert.matches(run.truth(), d.regions(), "rack-decompression");
    }

    @Test
    void badMessagesAreCountedAndLoseNothing() {
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", publisher.gateway()).get(0);
        String device = run.info().device();
        List<List<Sample>> batches = ScenarioSamples.batches(run.samples(), 500);
        // samples before the device's info are held, then tracked when it arrives
        publisher.batch(device, batches.get(0));
        Await.until("the early batch is stored", LIMIT, () -> counters.storedSamples() == batches.get(0).size());
        String topic = "spinetrack/v1/" + publisher.gateway() + "/" + device + "/samples";
        publisher.raw(topic, "{not json");
        publisher.raw(topic, "{\"v\":1,\"gateway\":\"" + publisher.gateway() + "\",\"device\":\"" + device
                + "\",\"batch\":1,\"sentAt\":1,\"samples\":[{\"seq\":1,\"t\":1,\"pitch\":200,\"roll\":0,\"p\":[1]}]}");
        publisher.raw(topic, "{\"v\":1,\"gateway\":\"" + publisher.gateway() + "\",\"device\":\"aaaaaaaaaaaa\","
                + "\"batch\":1,\"sentAt\":1,\"samples\":[{\"seq\":1,\"t\":1,\"pitch\":0,\"roll\":0,\"p\":[1]}]}");
        publisher.raw("spinetrack/v1/" + publisher.gateway() + "/NOT-A-DEVICE/samples", "{}");
        Await.until("four bad messages counted", LIMIT, () -> counters.badMessages() == 4);
        publisher.info(run.info());
        for (List<Sample> b : batches.subList(1, batches.size())) {
            publisher.batch(device, b);
        }
        Await.until("all samples stored", LIMIT, () -> counters.storedSamples() == run.samples().size());
        Await.until("an automatic session tracked them", LIMIT, () -> !sessions.sessions("demo", device, 10).isEmpty()
                && sessions.sessions("demo", device, 10).stream().mapToLong(SessionRow::samples).sum() > 0);
        List<SessionRow> auto = sessions.sessions("demo", device, 10);
        assertTrue(auto.stream().allMatch(SessionRow::auto), "sessions started by contact");
        long dwell = 0;
        for (SessionRow s : auto) {
            dwell += sessions.session("demo", s.id()).regions().stream().mapToLong(r -> r.dwellMs()).sum();
        }
        long truthDwell = run.truth().regions().values().stream().mapToLong(r -> r.dwellMs()).sum();
        assertEquals(truthDwell, dwell, Math.max(50, 0.005 * truthDwell), "dwell over the automatic sessions");
    }

    @Test
    void silentDeviceEndsItsSessionAndRetentionKeepsTheRollups() {
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", publisher.gateway()).get(0);
        String device = run.info().device();
        publisher.info(run.info());
        List<Sample> part = run.samples().subList(0, run.samples().size() / 2);
        for (List<Sample> b : ScenarioSamples.batches(part, 500)) {
            publisher.batch(device, b);
        }
        Await.until("half the samples stored", LIMIT, () -> counters.storedSamples() == part.size());
        SessionRow open = sessions.openSession(device).orElseThrow();
        assertTrue(open.auto(), "contact opened a session");
        assertEquals(0, sessions.closeSilent(System.currentTimeMillis()), "the device just spoke");
        assertEquals(1, sessions.closeSilent(System.currentTimeMillis() + 61_000), "silent past the idle timeout");
        SessionDetail closed = sessions.session("demo", open.id());
        assertEquals("silent", closed.session().endReason());

        var retention = rig.server().getApplicationContext().getBean(dev.spinetrack.server.storage.RawSampleRetention.class);
        assertTrue(retention.purge(Long.MAX_VALUE) > 0, "raw samples of closed sessions are purged");
        // a redelivered old batch after retention must not shrink the stored rollups
        publisher.batch(device, part.subList(0, 500));
        Await.until("the old batch is processed", LIMIT, () -> counters.storedSamples() == part.size() + 500);
        SessionDetail after = sessions.session("demo", open.id());
        assertEquals(closed.session().samples(), after.session().samples());
        assertEquals(closed.regions(), after.regions(), "rollups survive retention");
    }

    private List<Long> startSessions(List<ScenarioSamples.DeviceRun> runs) {
        for (ScenarioSamples.DeviceRun run : runs) {
            publisher.info(run.info());
        }
        Await.until("every device is known", LIMIT, () -> sessions.devices("demo").size() == runs.size()
                && sessions.devices("demo").stream().allMatch(d -> d.kind() != null));
        List<Long> ids = new ArrayList<>();
        for (ScenarioSamples.DeviceRun run : runs) {
            ids.add(sessions.start("demo", run.info().device()).id());
        }
        return ids;
    }
}
