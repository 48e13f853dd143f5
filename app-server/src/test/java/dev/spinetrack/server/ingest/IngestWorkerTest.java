package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.server.session.IngestOutcome;
import dev.spinetrack.server.storage.StorageException;
import dev.spinetrack.testing.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Grouping, acknowledgement order and the fallback of a failed group, with a sink standing in for storage. */
class IngestWorkerTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String POISON = "dddddddddddd";

    private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> acks = Collections.synchronizedList(new ArrayList<>());
    private final IngestCounters counters = new IngestCounters(new SimpleMeterRegistry());
    /** Acknowledgements still to fail, as a defect past the commit would make them. */
    private final AtomicInteger brokenAcks = new AtomicInteger();
    private final IngestWorker worker = new IngestWorker(64, new RecordingSink(), counters, p -> {
        if (brokenAcks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("acknowledger defect (test)");
        }
        acks.add(p.id());
    });
    private final Thread thread = new Thread(worker, "test-ingest-worker");
    private volatile boolean storageUp = true;
    /** Transactions still to lose to another over locks, as a second instance makes them. */
    private final AtomicInteger contended = new AtomicInteger();

    @AfterEach
    void stop() throws InterruptedException {
        worker.close();
        thread.join(5000);
    }

    @Test
    void batchesWaitingTogetherAreStoredInOneTransactionAndAcknowledgedInOrder() throws Exception {
        for (int i = 1; i <= 5; i++) {
            worker.put(batch(i, "a1b2c3d4e5f" + (i % 2)));
        }
        thread.start();
        Await.until("five acknowledgements", LIMIT, () -> acks.size() == 5);
        assertEquals(List.of(1, 2, 3, 4, 5), acks);
        assertEquals(List.of(List.of("a1b2c3d4e5f1", "a1b2c3d4e5f0", "a1b2c3d4e5f1", "a1b2c3d4e5f0",
                "a1b2c3d4e5f1")), calls, "one call for the five batches of two devices");
        assertEquals(10, counters.storedSamples());
    }

    @Test
    void otherMessagesEndAGroupAndKeepTheirPlace() throws Exception {
        worker.put(batch(1, "a1b2c3d4e5f6"));
        worker.put(new IngestWorker.Pending("t", 2, 1, MessageParser.Parsed.refused("bad-payload", "test")));
        worker.put(batch(3, "a1b2c3d4e5f6"));
        thread.start();
        Await.until("three acknowledgements", LIMIT, () -> acks.size() == 3);
        assertEquals(List.of(1, 2, 3), acks);
        assertEquals(List.of(List.of("a1b2c3d4e5f6"), List.of("a1b2c3d4e5f6")), calls);
        assertEquals(1, counters.badMessages());
    }

    @Test
    void aFailedGroupIsStoredOneAtATimeAndABatchThatFailsWhileTheDatabaseAnswersIsRejected() throws Exception {
        worker.put(batch(1, "a1b2c3d4e5f6"));
        worker.put(batch(2, POISON));
        worker.put(batch(3, "a1b2c3d4e5f6"));
        worker.put(batch(4, "a1b2c3d4e5f6"));
        thread.start();
        Await.until("the good batches stored alone", LIMIT, () -> counters.storedSamples() == 6 && acks.size() == 4);
        assertEquals(List.of(1, 2, 3, 4), acks, "the never-storable batch is acknowledged in its place");
        assertEquals(List.of("a1b2c3d4e5f6", POISON, "a1b2c3d4e5f6", "a1b2c3d4e5f6"), calls.get(0), "the group");
        long poisonAttempts = calls.stream().filter(c -> c.equals(List.of(POISON))).count();
        assertEquals(5, poisonAttempts, "retried alone before giving up");
        assertEquals(1, counters.badMessages(), "counted as rejected (unstorable)");
    }

    @Test
    void duringAStorageOutageNothingIsAcknowledgedOrDroppedAndIngestCatchesUpAfter() throws Exception {
        storageUp = false;
        worker.put(batch(1, "a1b2c3d4e5f6"));
        worker.put(batch(2, "a1b2c3d4e5f6"));
        thread.start();
        Await.until("the outage noticed", LIMIT, () -> worker.outage() != null);
        Await.until("retried past the attempts a bad message gets", LIMIT, () -> calls.size() > 6);
        assertEquals(List.of(), acks, "nothing acknowledged while storage is down");
        assertEquals(0, counters.badMessages(), "an outage is not a bad message");
        storageUp = true;
        Await.until("caught up", LIMIT, () -> acks.size() == 2);
        assertEquals(List.of(1, 2), acks);
        assertEquals(null, worker.outage());
        assertEquals(4, counters.storedSamples());
    }

    @Test
    void aTransactionThatLosesALockIsRetriedPastTheAttemptsOfABadMessageAndNothingIsRejected() throws Exception {
        contended.set(7); // more than the five attempts a failing message gets
        worker.put(batch(1, "a1b2c3d4e5f6"));
        worker.put(batch(2, "a1b2c3d4e5f6"));
        thread.start();
        Await.until("both stored", LIMIT, () -> acks.size() == 2);
        assertEquals(List.of(1, 2), acks);
        assertEquals(0, counters.badMessages(), "contention is not a bad message");
        assertEquals(7, counters.contentions());
        assertEquals(4, counters.storedSamples());
        assertEquals(List.of("a1b2c3d4e5f6", "a1b2c3d4e5f6"), calls.get(calls.size() - 1),
                "the group is retried as it is, not split");
        assertEquals(null, worker.outage(), "contention is not an outage");
    }

    @Test
    void anUnexpectedFailureOfTheWorkerItselfDoesNotStopItAndLosesNothing() throws Exception {
        brokenAcks.set(2);
        worker.put(batch(1, "a1b2c3d4e5f6"));
        thread.start();
        Await.until("the batch acknowledged after the defect passed", LIMIT, () -> acks.size() == 1);
        worker.put(batch(2, "a1b2c3d4e5f6"));
        Await.until("the worker still takes messages", LIMIT, () -> acks.size() == 2);
        assertEquals(List.of(1, 2), acks);
        assertEquals(true, thread.isAlive(), "the worker thread lives on");
        assertEquals(0, counters.badMessages());
    }

    private static IngestWorker.Pending batch(int id, String device) {
        List<Sample> samples = List.of(new Sample(2L * id, 10L * id, 0, 0, new double[] {1}, null),
                new Sample(2L * id + 1, 10L * id + 5, 0, 0, new double[] {1}, null));
        SampleBatch b = SampleBatch.of("gw1", device, id, 0, samples);
        return new IngestWorker.Pending("spinetrack/v1/gw1/" + device + "/samples", id, 1,
                new MessageParser.Parsed(b, null, null));
    }

    /** Stores nothing; fails every transaction holding a batch of the poison device, as a database error would. */
    private final class RecordingSink implements IngestWorker.Sink {
        @Override
        public List<IngestOutcome> samples(List<SampleBatch> batches) {
            calls.add(batches.stream().map(SampleBatch::device).toList());
            if (!storageUp) {
                throw new IllegalStateException("connection refused (test)");
            }
            if (contended.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new StorageException("database error: lock wait timed out (test)",
                        new SQLException("Timeout trying to lock table (test)", "HYT00", 50200));
            }
            if (batches.stream().anyMatch(b -> b.device().equals(POISON))) {
                throw new IllegalStateException("database error (test)");
            }
            return batches.stream().map(b -> new IngestOutcome(b.samples().size(), 0, 0, false)).toList();
        }

        @Override
        public void info(DeviceInfo info) {
        }

        @Override
        public void status(DeviceStatus status) {
        }

        @Override
        public boolean storageAvailable() {
            return storageUp;
        }
    }
}
