package dev.spinetrack.server.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How far behind real time the ingest is, so an overloaded server says so instead of only
 * falling silently behind. Two figures, both against the samples' own time (epoch ms, set by
 * the gateway from the device clock):
 * <ul>
 *   <li><b>store lag</b> of each stored batch: commit time minus its newest sample's time, i.e.
 *       how old data is when it becomes visible (gateway batching, broker, queueing, the
 *       transaction); a timer with p50/p99, {@code spinetrack.ingest.store.lag};</li>
 *   <li><b>current lag</b>: the age of the oldest data the server holds unacknowledged (parsed,
 *       waiting or being stored), 0 when nothing waits; a gauge, {@code spinetrack.ingest.lag}
 *       (seconds). It keeps growing while storage is stuck and, once the broker's in-flight
 *       window is full, reflects the backlog behind it.</li>
 * </ul>
 * The server is <em>behind</em> while the current lag exceeds {@code spinetrack.ingest.behind-after-ms}.
 * Waiting messages are keyed by their MQTT packet id, unique among a session's unacknowledged
 * messages, so a message redelivered after a reconnect replaces its earlier entry.
 */
@Singleton
public class IngestLag {

    private final Map<Integer, Long> waiting = new ConcurrentHashMap<>();
    private final Timer storeLag;
    private final long behindAfterMs;
    private final LongSupplier clock;

    @Inject
    public IngestLag(MeterRegistry registry, @Value("${spinetrack.ingest.behind-after-ms:2000}") long behindAfterMs) {
        this(registry, behindAfterMs, System::currentTimeMillis);
    }

    IngestLag(MeterRegistry registry, long behindAfterMs, LongSupplier clock) {
        this.behindAfterMs = behindAfterMs;
        this.clock = clock;
        this.storeLag = Timer.builder("spinetrack.ingest.store.lag")
                .description("commit time minus the newest sample's time, per stored batch")
                .publishPercentiles(0.5, 0.99)
                .percentilePrecision(2)
                .register(registry);
        Gauge.builder("spinetrack.ingest.lag", this, l -> l.currentLagMs() / 1000.0)
                .description("age of the oldest data held unacknowledged; 0 when nothing waits")
                .baseUnit("seconds")
                .register(registry);
    }

    /** A message arrived carrying data as new as {@code newestT} (epoch ms). */
    void waiting(int packetId, long newestT) {
        waiting.put(packetId, newestT);
    }

    /** A message was acknowledged (or given up for redelivery): it no longer waits. */
    void finished(int packetId) {
        waiting.remove(packetId);
    }

    /** A batch whose newest sample has time {@code newestT} was committed now. */
    void stored(long newestT) {
        storeLag.record(Math.max(0, clock.getAsLong() - newestT), TimeUnit.MILLISECONDS);
    }

    /** Age of the oldest data held unacknowledged, 0 when nothing waits. */
    public long currentLagMs() {
        long oldest = Long.MAX_VALUE;
        for (long t : waiting.values()) {
            oldest = Math.min(oldest, t);
        }
        return oldest == Long.MAX_VALUE ? 0 : Math.max(0, clock.getAsLong() - oldest);
    }

    /** Whether the current lag is above the configured limit. */
    public boolean behind() {
        return currentLagMs() > behindAfterMs;
    }

    /** The limit above which the server counts as behind, ms. */
    public long behindAfterMs() {
        return behindAfterMs;
    }

    /** Messages held unacknowledged now. */
    public int waitingMessages() {
        return waiting.size();
    }

    /** Store lag percentile ({@code 0.5} or {@code 0.99}) over the recent window, ms; 0 before any batch. */
    public double storeLagMs(double percentile) {
        for (var v : storeLag.takeSnapshot().percentileValues()) {
            if (v.percentile() == percentile) {
                return v.value(TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalArgumentException("no percentile " + percentile + " (0.5 and 0.99 are kept)");
    }

    /** Batches whose store lag was recorded since start. */
    public long storedBatches() {
        return storeLag.count();
    }
}
