package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.storage.DeviceRow;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.server.testing.IngestRig;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.testing.Await;
import dev.spinetrack.testing.TestBroker;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another transaction holds a device's row lock (as a second server instance storing the same
 * device does) far longer than a message's retries of a real database error would last: on H2
 * every wait for it ends in a lock timeout after 2 s. Such lost lock waits are contention, not a
 * bad message, so ingest keeps retrying and, once the lock is released, stores every sample:
 * none is rejected as unstorable. A request's change of the device waits out the lock the same way.
 */
class LockContentionIT {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    /** Longer than five attempts with their backoff (about 13 s on H2), which once rejected the message. */
    private static final long HOLD_MS = 20_000;

    @Test
    void batchesWaitingForAnotherTransactionsLockAreStoredOnceItIsReleased() throws Exception {
        try (TestBroker broker = TestBroker.shared(); IngestRig rig = IngestRig.start(broker, "it-contention")) {
            IngestCounters counters = rig.counters();
            ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", rig.publisher().gateway()).get(0);
            String device = run.info().device();
            List<List<Sample>> batches = ScenarioSamples.batches(run.samples(), 250);
            rig.publisher().info(run.info());
            rig.publisher().batch(device, batches.get(0));
            int first = batches.get(0).size();
            Await.until("the first batch stored", LIMIT, () -> counters.storedSamples() == first,
                    () -> "stored " + counters.storedSamples());
            try (Connection other = lockDeviceRow(rig, device)) {
                for (List<Sample> b : batches.subList(1, batches.size())) {
                    rig.publisher().batch(device, b);
                }
                Thread.sleep(HOLD_MS);
                assertEquals(first, counters.storedSamples(), "nothing more stored while the lock is held");
                other.rollback();
            }
            int n = run.samples().size();
            Await.until("every sample stored once the lock is released", LIMIT,
                    () -> counters.storedSamples() == n || counters.badMessages() > 0,
                    () -> "stored " + counters.storedSamples() + " of " + n + ", rejected messages "
                            + counters.badMessages());
            assertEquals(0, counters.badMessages(), "no message given up as unstorable");
            assertEquals(n, counters.storedSamples());
            assertEquals(0, counters.duplicateSamples());
            if (!rig.database().postgres()) {
                // PostgreSQL waits for a row lock without a time limit; H2 gives up after 2 s
                assertTrue(counters.contentions() > 0, "H2's lock timeouts were met and retried");
            }
        }
    }

    /**
     * A request's change of a device (here starting a session, as {@code POST /api/sessions} does)
     * waits out another transaction's lock longer than one lock timeout of H2 (2 s) instead of
     * failing: the request's transaction lost the wait, and is tried again.
     */
    @Test
    void aSessionStartWaitsOutAnotherTransactionsLock() throws Exception {
        try (TestBroker broker = TestBroker.shared(); IngestRig rig = IngestRig.start(broker, "it-contention-start")) {
            String device = deviceWithSamples(rig);
            SessionRow s = whileRowLocked(rig, device, () -> rig.sessions().start("demo", device));
            assertTrue(s.open(), "the session is open");
            assertEquals("demo", s.userId());
            assertEquals(device, s.deviceId());
        }
    }

    /** Giving a device to another user ({@code PUT /api/devices/{id}/owner}) waits out the lock the same way. */
    @Test
    void aTransferWaitsOutAnotherTransactionsLock() throws Exception {
        try (TestBroker broker = TestBroker.shared(); IngestRig rig = IngestRig.start(broker, "it-contention-move")) {
            String device = deviceWithSamples(rig);
            DeviceRow moved = whileRowLocked(rig, device, () -> rig.sessions().transferDevice("demo", device, "coach"));
            assertEquals("coach", moved.ownerId());
            assertEquals("coach", rig.sessions().device("coach", device).ownerId(), "the new owner sees it stored");
        }
    }

    /** A device known to the server, with its first samples stored. */
    private static String deviceWithSamples(IngestRig rig) throws Exception {
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", rig.publisher().gateway()).get(0);
        String device = run.info().device();
        rig.publisher().info(run.info());
        List<Sample> first = ScenarioSamples.batches(run.samples(), 250).get(0);
        rig.publisher().batch(device, first);
        Await.until("the first batch stored", LIMIT, () -> rig.counters().storedSamples() == first.size(),
                () -> "stored " + rig.counters().storedSamples());
        return device;
    }

    /**
     * Runs the change while another transaction holds the device's row for longer than one lock
     * timeout of H2, checks it has not failed meanwhile, releases the lock and returns its result.
     */
    private static <T> T whileRowLocked(IngestRig rig, String device, Supplier<T> change) throws Exception {
        CompletableFuture<T> done;
        try (Connection other = lockDeviceRow(rig, device)) {
            done = CompletableFuture.supplyAsync(change);
            Thread.sleep(3_500); // past one lock timeout of H2
            assertTrue(!done.isDone() || !done.isCompletedExceptionally(),
                    () -> "the change failed while the lock was held: " + done.handle((r, e) -> e).join());
            other.rollback();
        }
        return done.get(60, TimeUnit.SECONDS);
    }

    /** A second connection whose open transaction holds the device's row lock (until rolled back). */
    private static Connection lockDeviceRow(IngestRig rig, String device) throws Exception {
        Connection other = rig.database().connect();
        other.setAutoCommit(false);
        try (PreparedStatement ps = other.prepareStatement("SELECT id FROM devices WHERE id = ? FOR UPDATE")) {
            ps.setString(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the device has a row to lock");
            }
        }
        return other;
    }
}
