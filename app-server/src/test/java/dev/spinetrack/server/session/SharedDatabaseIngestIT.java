package dev.spinetrack.server.session;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.SampleStore;
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
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Two instances store groups of the same devices' batches in one database, taking turns, and
 * each gets batches the other already stored (what a broker redelivers to another member of a
 * shared subscription): neither may trust what it remembers of the stored samples, so every
 * sample is stored once, every repeat is dropped, and the sessions end with the ground truth
 * (oracle written apart). Guards the lookup of the highest stored position under the devices'
 * row locks that spares in-order batches their duplicate probe where another writer exists.
 */
class SharedDatabaseIngestIT {

    private static final int GROUP = 6;

    @Test
    void twoWritersTakingTurnsStoreEachSampleOnceAndMatchGroundTruth() {
        withTwoWriters((gateway, first, second) -> {
            SampleProcessor[] writers = {first.getApplicationContext().getBean(SampleProcessor.class),
                    second.getApplicationContext().getBean(SampleProcessor.class)};
            Database database = first.getApplicationContext().getBean(Database.class);
            assertFalse(database.read(database::soleWriter), "two instances share the database");
            SessionService sessions = first.getApplicationContext().getBean(SessionService.class);
            List<ScenarioSamples.DeviceRun> runs = ScenarioSamples.play("studio", gateway);
            List<Long> ids = new ArrayList<>();
            List<List<SampleBatch>> perDevice = new ArrayList<>();
            long total = 0;
            for (ScenarioSamples.DeviceRun run : runs) {
                writers[0].onInfo(run.info());
                ids.add(sessions.start("demo", run.info().device()).id());
                List<SampleBatch> batches = new ArrayList<>();
                for (List<Sample> part : ScenarioSamples.batches(run.samples(), 40)) {
                    batches.add(SampleBatch.of(gateway, run.info().device(), batches.size(), 0, part));
                }
                perDevice.add(batches);
                total += run.samples().size();
            }
            List<SampleBatch> stream = interleaved(perDevice);
            long stored = 0;
            long duplicates = 0;
            long repeated = 0;
            int turn = 0;
            for (int from = 0; from < stream.size(); from += GROUP, turn++) {
                List<SampleBatch> group = new ArrayList<>(stream.subList(from, Math.min(stream.size(), from + GROUP)));
                if (from > 0) {
                    // the other instance stored these: now this one gets them again, ahead of new ones
                    List<SampleBatch> again = stream.subList(from - 2, from);
                    group.addAll(0, again);
                    repeated += again.stream().mapToLong(x -> x.samples().size()).sum();
                }
                for (IngestOutcome o : writers[turn % 2].onSamples(group)) {
                    stored += o.stored();
                    duplicates += o.duplicates();
                }
            }
            assertEquals(total, stored, "every sample stored once");
            assertEquals(repeated, duplicates, "every repeat dropped");
            for (int i = 0; i < runs.size(); i++) {
                ScenarioSamples.DeviceRun run = runs.get(i);
                TruthAssert.sessionMatches(sessions, "demo", ids.get(i), run, "two writers " + run.info().device());
            }
        });
    }

    @Test
    void samplesHeldForAMissingInfoAreNotStoredTwiceByTheOtherWriter() {
        // without its info a device's samples are stored but not tracked: its stored progress does
        // not move, so nothing tells the other writer that its memory of the stored samples is stale
        withTwoWriters((gateway, first, second) -> {
            SampleProcessor one = first.getApplicationContext().getBean(SampleProcessor.class);
            SampleProcessor two = second.getApplicationContext().getBean(SampleProcessor.class);
            Database database = first.getApplicationContext().getBean(Database.class);
            SampleStore store = first.getApplicationContext().getBean(SampleStore.class);
            ScenarioSamples.DeviceRun run = ScenarioSamples.play("studio", gateway).get(0);
            String device = run.info().device();
            List<Sample> s = run.samples();
            assertOutcome(one.onSamples(batch(gateway, device, 0, s.subList(0, 10))), 10, 0);
            assertOutcome(two.onSamples(batch(gateway, device, 1, s.subList(10, 20))), 10, 0);
            assertOutcome(one.onSamples(batch(gateway, device, 2, s.subList(15, 25))), 5, 5);
            assertOutcome(two.onSamples(batch(gateway, device, 3, s.subList(0, 25))), 0, 25);
            assertEquals(25L, (long) database.read(c -> store.count(c, device)), "each sample stored once");
            assertEquals(s.subList(0, 25).stream().map(Sample::seq).toList(),
                    database.read(c -> store.load(c, device, 0, Long.MAX_VALUE - 1)).stream().map(Sample::seq)
                            .toList());
        });
    }

    /** Work with two server instances on one database; the gateway their batches come from. */
    @FunctionalInterface
    private interface TwoWriters {
        void run(String gateway, EmbeddedServer first, EmbeddedServer second);
    }

    private static void withTwoWriters(TwoWriters work) {
        String gateway = "it-twowriters-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestBroker broker = TestBroker.shared(); TestDatabase db = TestDatabase.create()) {
            Map<String, Object> a = TestServer.properties(broker.url(), db, gateway, gateway + "-a");
            Map<String, Object> b = new java.util.HashMap<>(a);
            b.put("spinetrack.mqtt.client-id", gateway + "-b");
            try (EmbeddedServer first = TestServer.start(a); EmbeddedServer second = TestServer.start(b)) {
                work.run(gateway, first, second);
            }
        }
    }

    private static SampleBatch batch(String gateway, String device, int number, List<Sample> samples) {
        return SampleBatch.of(gateway, device, number, 0, samples);
    }

    private static void assertOutcome(IngestOutcome o, int stored, int duplicates) {
        assertEquals(stored, o.stored(), "stored: " + o);
        assertEquals(duplicates, o.duplicates(), "duplicates: " + o);
    }

    private static List<SampleBatch> interleaved(List<List<SampleBatch>> perDevice) {
        List<SampleBatch> stream = new ArrayList<>();
        for (int i = 0; ; i++) {
            boolean any = false;
            for (List<SampleBatch> batches : perDevice) {
                if (i < batches.size()) {
                    any = true;
                    stream.add(batches.get(i));
                }
            }
            if (!any) {
                return stream;
            }
        }
    }
}
