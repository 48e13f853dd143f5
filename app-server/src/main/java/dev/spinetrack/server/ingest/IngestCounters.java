package dev.spinetrack.server.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicLong;

/** Ingest counters, exported as Prometheus metrics and readable by tests. */
@Singleton
public class IngestCounters {

    private final MeterRegistry registry;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter rejectedSamples;
    private final Timer batchTimer;
    private final AtomicLong storedTotal = new AtomicLong();
    private final AtomicLong duplicateTotal = new AtomicLong();
    private final AtomicLong badMessages = new AtomicLong();
    private final AtomicLong contentions = new AtomicLong();
    private final Counter contention;

    public IngestCounters(MeterRegistry registry) {
        this.registry = registry;
        this.stored = registry.counter("spinetrack.ingest.samples.stored");
        this.duplicates = registry.counter("spinetrack.ingest.samples.duplicate");
        this.rejectedSamples = registry.counter("spinetrack.ingest.samples.rejected");
        this.batchTimer = registry.timer("spinetrack.ingest.batch");
        this.contention = registry.counter("spinetrack.ingest.transactions.contended");
    }

    void samples(int storedCount, int duplicateCount, int rejectedCount) {
        stored.increment(storedCount);
        duplicates.increment(duplicateCount);
        rejectedSamples.increment(rejectedCount);
        storedTotal.addAndGet(storedCount);
        duplicateTotal.addAndGet(duplicateCount);
    }

    void badMessage(String reason) {
        badMessages.incrementAndGet();
        registry.counter("spinetrack.ingest.messages.rejected", "reason", reason).increment();
    }

    /** A transaction lost to another over locks and is retried. */
    void contention() {
        contentions.incrementAndGet();
        contention.increment();
    }

    Timer batchTimer() {
        return batchTimer;
    }

    /** Samples stored since start. */
    public long storedSamples() {
        return storedTotal.get();
    }

    /** Duplicate samples dropped since start. */
    public long duplicateSamples() {
        return duplicateTotal.get();
    }

    /** Messages rejected (bad topic, JSON or payload) since start. */
    public long badMessages() {
        return badMessages.get();
    }

    /** Transactions that lost to another over locks (and were retried) since start. */
    public long contentions() {
        return contentions.get();
    }
}
