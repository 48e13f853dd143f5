package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import dev.spinetrack.server.testing.TruthAssert;
import dev.spinetrack.testing.TestBroker;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sole writer stores a device's tracking progress only every so often while its samples
 * change no session (the samples themselves at once): the figures read through the API, the
 * figures after the track is rebuilt from storage mid-stream (what a restart does) and the
 * progress stored once a device is quiet all equal the ground truth, oracle written apart.
 */
class DeferredProgressIT {

    private static final String USER = "demo";

    @Test
    void trackRebuiltFromStorageWithProgressUnsavedEndsWithTheTruth() {
        // an hour: nothing but session changes and readers store progress in this test
        run(3_600_000, true);
    }

    @Test
    void quietDevicesStoreTheirProgressOnTheirOwn() {
        run(200, false);
    }

    private void run(long intervalMs, boolean rebuildMidway) {
        String gateway = "it-progress-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestBroker broker = TestBroker.shared(); TestDatabase db = TestDatabase.create()) {
            Map<String, Object> props = TestServer.properties(broker.url(), db, gateway, gateway + "-server");
            props.put("spinetrack.tracking.progress-interval-ms", intervalMs);
            try (EmbeddedServer server = TestServer.start(props)) {
                SampleProcessor processor = server.getApplicationContext().getBean(SampleProcessor.class);
                SessionService sessions = server.getApplicationContext().getBean(SessionService.class);
                DeviceTracks tracks = server.getApplicationContext().getBean(DeviceTracks.class);
                Database database = server.getApplicationContext().getBean(Database.class);
                boolean sole = database.read(database::soleWriter);
                List<ScenarioSamples.DeviceRun> runs = ScenarioSamples.play("studio", gateway);
                List<Long> ids = new ArrayList<>();
                List<List<SampleBatch>> perDevice = new ArrayList<>();
                for (ScenarioSamples.DeviceRun run : runs) {
                    processor.onInfo(run.info());
                    ids.add(sessions.start(USER, run.info().device()).id());
                    List<SampleBatch> batches = new ArrayList<>();
                    for (List<Sample> part : ScenarioSamples.batches(run.samples(), 2)) {
                        batches.add(SampleBatch.of(gateway, run.info().device(), batches.size(), 0, part));
                    }
                    perDevice.add(batches);
                }
                int longest = perDevice.stream().mapToInt(List::size).max().orElse(0);
                for (int i = 0; i < longest; i++) {
                    for (int d = 0; d < perDevice.size(); d++) {
                        List<SampleBatch> batches = perDevice.get(d);
                        if (i < batches.size()) {
                            processor.onSamples(batches.get(i));
                        }
                        if (rebuildMidway && i == longest / 2) {
                            String device = runs.get(d).info().device();
                            long fed = batches.get(Math.min(i, batches.size() - 1)).samples().get(0).seq();
                            if (sole) {
                                assertTrue(sessions.device(USER, device).processedSeq() < fed,
                                        device + ": progress stored behind the samples tracked");
                            }
                            tracks.evict(device); // rebuilt from storage on next use, as after a restart
                        }
                    }
                }
                if (!rebuildMidway) {
                    // no reader asks: the quiet devices store their progress on their own
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    for (ScenarioSamples.DeviceRun run : runs) {
                        long last = run.samples().get(run.samples().size() - 1).seq();
                        while (sessions.device(USER, run.info().device()).processedSeq() < last
                                && System.nanoTime() < deadline) {
                            sleep(20);
                        }
                        assertEquals(last, sessions.device(USER, run.info().device()).processedSeq(),
                                run.info().device() + ": stored progress");
                    }
                }
                for (int i = 0; i < runs.size(); i++) {
                    ScenarioSamples.DeviceRun run = runs.get(i);
                    TruthAssert.sessionMatches(sessions, USER, ids.get(i), run,
                            "deferred progress " + run.info().device());
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
