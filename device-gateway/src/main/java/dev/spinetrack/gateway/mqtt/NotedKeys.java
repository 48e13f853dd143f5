package dev.spinetrack.gateway.mqtt;

import dev.spinetrack.gateway.queue.QueuedMessage;
import dev.spinetrack.protocol.mqtt.SampleBatch;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The confirmation keys of sample batches, noted from the record as each is queued, so that the
 * drain need not read them back from the batch's JSON (a token scan of every number, a twentieth
 * of the gateway's time at 200 devices). Batches queued before a restart, or beyond
 * {@link #LIMIT} while the drain lags, are read back as before. Thread-safe.
 */
final class NotedKeys {

    /** Most keys held; about 2 MB. */
    static final int LIMIT = 20_000;

    private final ConcurrentSkipListMap<Long, BatchKeys.Keyed> keys = new ConcurrentSkipListMap<>();

    /** Notes the key of the batch appended to the queue at {@code index}. */
    void note(long index, SampleBatch b) {
        if (keys.size() < LIMIT) {
            keys.put(index, BatchKeys.of(index, b));
        }
    }

    /**
     * The key of a message the drain took: noted, or read back from its bytes (null when it is
     * not a sample batch).
     */
    BatchKeys.Keyed take(QueuedMessage m) {
        BatchKeys.Keyed k = keys.remove(m.index());
        // a key noted after the drain had read its batch back, or passed over by a rewind, goes
        // once the drain is past it
        keys.headMap(m.index()).clear();
        return k != null ? k : BatchKeys.of(m);
    }

    /** Keys held. */
    int size() {
        return keys.size();
    }
}
