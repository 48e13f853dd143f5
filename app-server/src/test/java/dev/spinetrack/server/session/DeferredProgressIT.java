package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import dev.spinetrack.server.testing.TruthAssert;
import dev.spinetrack.testing.TestBroker;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import dev.spinetrack.protocol.gatt.DeviceKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    void trackRebuiltFromStorageWithProgressUnsavedEndsWithTheTruth() throws Exception {
        // an hour: nothing but session changes and readers store progress in this test
        run(3_600_000, true);
    }

    @Test
    void quietDevicesStoreTheirProgressOnTheirOwn() throws Exception {
        run(200, false);
    }

    private void run(long intervalMs, boolean rebuildMidway) throws Exception {
        withServer(intervalMs, (gateway, context) -> {
            SampleProcessor processor = context.getBean(SampleProcessor.class);
            SessionService sessions = context.getBean(SessionService.class);
            DeviceTracks tracks = context.getBean(DeviceTracks.class);
            Database database = context.getBean(Database.class);
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
        });
    }

    /**
     * A read that comes while another thread is rebuilding a dropped track (what the progress
     * saver does after a restart) shows the figures as tracked, not those last stored: the test
     * holds the device's monitor so that thread stops mid catch-up, and the read must wait for it.
     */
    @Test
    void readDuringAnotherThreadsCatchUpWaitsForTheFigures() throws Exception {
        withServer(3_600_000, (gateway, context) -> {
            SampleProcessor processor = context.getBean(SampleProcessor.class);
            SessionService sessions = context.getBean(SessionService.class);
            DeviceTracks tracks = context.getBean(DeviceTracks.class);
            UnsavedProgress unsaved = context.getBean(UnsavedProgress.class);
            ScenarioSamples.DeviceRun run = ScenarioSamples.play("studio", gateway).stream()
                    .filter(r -> r.info().kind() == DeviceKind.RACK).findFirst().orElseThrow();
            String device = run.info().device();
            processor.onInfo(run.info());
            long id = sessions.start(USER, device).id();
            int seq = 0;
            for (List<Sample> part : ScenarioSamples.batches(run.samples(), 2)) {
                processor.onSamples(SampleBatch.of(gateway, device, seq++, 0, part));
            }
            AtomicReference<SessionDetail> read = new AtomicReference<>();
            Thread catchUp = new Thread(unsaved::catchUp, "test-catch-up");
            Thread reader = new Thread(() -> read.set(sessions.session(USER, id)), "test-reader");
            synchronized (tracks.lock(device)) {
                tracks.evict(device); // dropped with its progress unsaved, as by a restart
                catchUp.start();
                awaitState(catchUp, Thread.State.BLOCKED);
                reader.start();
                // the reader must not get past the catch-up under way: it waits for the monitor
                awaitState(reader, Thread.State.BLOCKED);
                assertNull(read.get(), "a read finished while the device's catch-up was under way");
            }
            catchUp.join(30_000);
            reader.join(30_000);
            assertEquals(run.samples().size(), read.get().session().samples(), device + ": samples tracked");
            TruthAssert.matches(run.truth(), read.get().regions(), "read during catch-up " + device);
        });
    }

    /** What a test does against a started server: its gateway id and application context. */
    private interface AgainstServer {
        void run(String gateway, ApplicationContext context) throws Exception;
    }

    /** Starts a server (broker, database) storing progress every {@code intervalMs}, and runs {@code test} on it. */
    private static void withServer(long intervalMs, AgainstServer test) throws Exception {
        String gateway = "it-progress-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestBroker broker = TestBroker.shared(); TestDatabase db = TestDatabase.create()) {
            Map<String, Object> props = TestServer.properties(broker.url(), db, gateway, gateway + "-server");
            props.put("spinetrack.tracking.progress-interval-ms", intervalMs);
            try (EmbeddedServer server = TestServer.start(props)) {
                test.run(gateway, server.getApplicationContext());
            }
        }
    }

    /** Waits until the thread is in that state, or has ended (then the caller's checks say why). */
    private static void awaitState(Thread t, Thread.State state) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (t.getState() != state && t.getState() != Thread.State.TERMINATED && System.nanoTime() < deadline) {
            sleep(5);
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
