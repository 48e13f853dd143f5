package dev.spinetrack.server.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestLagTest {

    private final AtomicLong now = new AtomicLong(100_000);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestLag lag = new IngestLag(registry, 2_000, now::get);

    @Test
    void nothingWaitingIsNoLag() {
        assertEquals(0, lag.currentLagMs());
        assertFalse(lag.behind());
    }

    @Test
    void lagIsTheAgeOfTheOldestWaitingData() {
        lag.waiting(7, 95_000);
        lag.waiting(8, 99_000);
        now.set(101_000);
        assertEquals(6_000, lag.currentLagMs());
        assertTrue(lag.behind());
        assertEquals(6.0, registry.get("spinetrack.ingest.lag").gauge().value());
        lag.finished(7);
        assertEquals(2_000, lag.currentLagMs());
        assertFalse(lag.behind(), "exactly at the limit is not behind");
        lag.finished(8);
        assertEquals(0, lag.currentLagMs());
        assertEquals(0, lag.waitingMessages());
    }

    @Test
    void stuckStorageKeepsTheLagGrowing() {
        lag.waiting(1, 100_000);
        now.addAndGet(30_000);
        assertEquals(30_000, lag.currentLagMs());
        now.addAndGet(30_000);
        assertEquals(60_000, lag.currentLagMs());
    }

    @Test
    void aRedeliveredMessageReplacesItsEarlierEntry() {
        lag.waiting(3, 90_000);
        lag.waiting(3, 90_000); // same packet id after a reconnect
        assertEquals(1, lag.waitingMessages());
        lag.finished(3);
        assertEquals(0, lag.waitingMessages());
    }

    @Test
    void dataFromTheFutureCountsAsNoLag() {
        lag.waiting(1, 150_000); // a device clock ahead of the server's
        assertEquals(0, lag.currentLagMs());
        lag.stored(150_000);
        assertEquals(1, lag.storedBatches());
        assertEquals(0.0, lag.storeLagMs(0.99));
    }

    @Test
    void storeLagIsCountedPerBatch() {
        lag.stored(now.get() - 40);
        lag.stored(now.get() - 60);
        assertEquals(2, lag.storedBatches());
        assertEquals(100.0, registry.get("spinetrack.ingest.store.lag").timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS), 1e-9);
    }
}
