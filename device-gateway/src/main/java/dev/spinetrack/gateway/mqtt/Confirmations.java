package dev.spinetrack.gateway.mqtt;

import dev.spinetrack.gateway.queue.DurableQueue;
import dev.spinetrack.protocol.mqtt.StoredBundle;
import dev.spinetrack.protocol.mqtt.StoredConfirmation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's {@code stored} confirmations as they arrive (PROTOCOL.md §7.6 and §7.7): each
 * confirmed batch leaves the unconfirmed set and the durable queue, and whether the server reads
 * sample bundles is noted from them. Part of {@link MqttOutbox}, whose lock guards the set.
 */
final class Confirmations {

    private static final Logger LOG = LoggerFactory.getLogger(Confirmations.class);

    private final Object lock;
    private final Unconfirmed unconfirmed;
    private final DurableQueue queue;
    private final DeliverySettings delivery;
    private final AtomicLong samplesOut = new AtomicLong();
    /** Whether the server's last confirmation said it reads bundles; reset on every connect. */
    private volatile boolean serverReadsBundles;

    Confirmations(Object lock, Unconfirmed unconfirmed, DurableQueue queue, DeliverySettings delivery) {
        this.lock = lock;
        this.unconfirmed = unconfirmed;
        this.queue = queue;
        this.delivery = delivery;
    }

    /** A new connection: until its server says it reads bundles, batches go out one by one. */
    void connected() {
        serverReadsBundles = false;
    }

    /** Whether batches may go out in bundles now. */
    boolean bundles() {
        return serverReadsBundles && delivery.bundles();
    }

    /** Samples whose batches left the queue on a confirmation. */
    long samplesOut() {
        return samplesOut.get();
    }

    /**
     * A message on a {@code stored} topic.
     *
     * @param bundle whether it came on the gateway's stored-bundle topic
     */
    void arrived(String topic, boolean bundle, byte[] payload) {
        List<StoredConfirmation> cs;
        try {
            cs = read(bundle, payload);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignored an unreadable confirmation on {}: {}", topic, e.getMessage());
            return;
        }
        boolean readsBundles = cs.stream().anyMatch(StoredConfirmation::bundles);
        if (readsBundles && !serverReadsBundles && delivery.bundles()) {
            LOG.info("the server reads bundles: batches now go out up to {} in one message", delivery.bundleMax());
        }
        serverReadsBundles = readsBundles;
        List<Unconfirmed.Batch> done = new ArrayList<>();
        synchronized (lock) {
            for (StoredConfirmation c : cs) {
                done.addAll(unconfirmed.confirm(c));
            }
            lock.notifyAll();
        }
        for (Unconfirmed.Batch b : done) {
            try {
                if (queue.ack(b.index())) {
                    samplesOut.addAndGet(b.weight());
                }
            } catch (IOException e) {
                LOG.warn("recording the confirmation of message {} failed: {}", b.index(), e.getMessage());
            }
        }
    }

    /** A device's confirmation, or a stored bundle's (§7.7). */
    private static List<StoredConfirmation> read(boolean bundle, byte[] payload) throws IOException {
        return bundle ? Json.mapper().readValue(payload, StoredBundle.class).confirmations()
                : List.of(Json.mapper().readValue(payload, StoredConfirmation.class));
    }
}
