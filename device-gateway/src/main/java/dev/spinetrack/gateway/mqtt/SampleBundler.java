package dev.spinetrack.gateway.mqtt;

import dev.spinetrack.gateway.queue.QueuedMessage;
import dev.spinetrack.protocol.mqtt.SampleBundle;
import dev.spinetrack.protocol.mqtt.Topics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers queued sample batches into one sample bundle (PROTOCOL.md §7.7). The queue holds each
 * batch as the JSON it would be published as alone, so the bundle is those bytes joined, not a
 * new serialization. Plain logic; the outbox takes from the queue and publishes.
 */
final class SampleBundler {

    /**
     * Most payload bytes in one bundle. Far below any broker's packet limit, and large enough
     * that 200 racks' 20 ms batches (about 1.3 KB each) fill a bundle by count first.
     */
    static final int MAX_BYTES = 512 * 1024;

    private final String gateway;
    private final int maxBatches;
    private final List<QueuedMessage> messages = new ArrayList<>();
    private final List<Unconfirmed.Batch> keys = new ArrayList<>();
    private int bytes;
    private long resumeAt = -1;

    /** Where the batches behind the first come from: the durable queue in the outbox. */
    interface Source {
        /** The message at {@code index} or after it, waiting up to {@code wait}; null when none came. */
        QueuedMessage take(long index, Duration wait) throws IOException, InterruptedException;

        /** The confirmation key of a taken message; null when it is not a sample batch. */
        Unconfirmed.Batch key(QueuedMessage m);

        /** Whether a publication is still on its way to the broker, so that waiting costs nothing. */
        boolean busy();
    }

    /** @param maxBatches most batches per bundle, 2..{@value SampleBundle#MAX_BATCHES} */
    SampleBundler(String gateway, int maxBatches) {
        if (maxBatches < 2 || maxBatches > SampleBundle.MAX_BATCHES) {
            throw new IllegalArgumentException("batches per bundle must be 2.." + SampleBundle.MAX_BATCHES
                    + ", was " + maxBatches);
        }
        this.gateway = gateway;
        this.maxBatches = maxBatches;
    }

    /**
     * A bundle of {@code first} and the batches queued behind it, while there is room ({@code room}
     * batches, the confirmation window's) and the bundle is not full. It takes what is queued now,
     * and waits for more (up to {@code linger} in all) only while an earlier publication still
     * awaits its PUBACK, as Nagle's algorithm does: at low load the broker answers before the next
     * batch is sealed and nothing waits; under load the bundles grow by themselves. A message that
     * does not fit (too large, or not a sample batch) ends the bundle and is the one
     * {@link #resumeAt()} names.
     */
    static SampleBundler gather(String gateway, int maxBatches, QueuedMessage first, Unconfirmed.Batch firstKey,
                                int room, Duration linger, Source source) throws IOException, InterruptedException {
        SampleBundler bundle = new SampleBundler(gateway, maxBatches);
        bundle.add(first, firstKey);
        long next = first.index() + 1;
        long deadline = System.nanoTime() + linger.toNanos();
        while (!bundle.full() && bundle.size() < room) {
            long left = deadline - System.nanoTime();
            boolean wait = left > 0 && source.busy();
            QueuedMessage n = source.take(next, wait ? Duration.ofNanos(Math.min(left, 1_000_000)) : Duration.ZERO);
            if (n == null) {
                if (wait) {
                    continue;
                }
                break;
            }
            Unconfirmed.Batch k = source.key(n);
            if (k == null || !bundle.add(n, k)) {
                bundle.resumeAt = n.index();
                return bundle;
            }
            next = n.index() + 1;
        }
        bundle.resumeAt = next;
        return bundle;
    }

    /** The queue index the drain goes on from: the message after the last one taken, or one left out. */
    long resumeAt() {
        return resumeAt;
    }

    /**
     * Adds a batch unless the bundle is full or the batch would take it past {@link #MAX_BYTES};
     * the first batch is always taken.
     *
     * @return whether it was added (else it belongs to the next bundle)
     */
    boolean add(QueuedMessage m, Unconfirmed.Batch key) {
        if (full() || (!messages.isEmpty() && bytes + m.payload().length + 1 > MAX_BYTES)) {
            return false;
        }
        messages.add(m);
        keys.add(key);
        bytes += m.payload().length + 1;
        return true;
    }

    /** Whether no further batch fits by count or size. */
    boolean full() {
        return messages.size() >= maxBatches || bytes >= MAX_BYTES;
    }

    int size() {
        return messages.size();
    }

    /** Their confirmation keys, in the same order. */
    List<Unconfirmed.Batch> keys() {
        return List.copyOf(keys);
    }

    /** The bundle's topic. */
    String topic() {
        return Topics.bundle(gateway);
    }

    /** {@code {"v":1,"gateway":…,"batches":[batch,batch,…]}}, the batches' bytes as queued. */
    byte[] payload() {
        byte[] head = ("{\"v\":1,\"gateway\":\"" + gateway + "\",\"batches\":[").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + bytes + 2);
        out.writeBytes(head);
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(messages.get(i).payload());
        }
        out.write(']');
        out.write('}');
        return out.toByteArray();
    }
}
