package dev.spinetrack.gateway.mqtt;

import dev.spinetrack.gateway.queue.DurableQueue;
import dev.spinetrack.gateway.queue.QueuedMessage;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the durable queue to the broker in order, QoS 1. A batch leaves the queue only when
 * the server's {@code stored} confirmation covers it (PROTOCOL.md §7.6; or, with
 * {@link DeliverySettings#serverConfirms()} off, at its PUBACK): the broker's PUBACK only means the
 * broker has it, and a broker restart, queue limit or lost subscription can still drop it.
 * Unconfirmed batches are bounded ({@link DeliverySettings#maxUnconfirmed()}, reached by a slow start:
 * {@link ConfirmWindow}) and published again
 * after a reconnect and on a timeout ({@link Unconfirmed}). Retained state ({@link RetainedState})
 * goes out ahead of batches in the same in-flight window when it changes and after every reconnect.
 *
 * <p>Session: a clean start on every connect under the gateway's client id; reconnects with
 * backoff (250 ms to 2 s) until the broker is back. Neither Paho nor the broker keeps state that
 * matters: the durable queue is the store of record, and everything not confirmed is sent again
 * after a reconnect or restart (at least once).
 */
public final class MqttOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttOutbox.class);

    private final MqttSettings settings;
    private final DeliverySettings delivery;
    private final String storedFilter;
    /** The server's bundled confirmations (§7.7), or null when not waiting for the server. */
    private final String storedBundleTopic;
    private final String gatewayId;
    private final Unconfirmed unconfirmed;
    private final DurableQueue queue;
    private final MqttAsyncClient client;
    private final Publisher publisher;
    private final Confirmations confirmations;
    private final SampleBundler.Source bundleSource = new SampleBundler.Source() {
        @Override
        public QueuedMessage take(long index, Duration wait) throws IOException, InterruptedException {
            return running ? queue.take(index, wait) : null;
        }

        @Override
        public Unconfirmed.Batch key(QueuedMessage m) {
            BatchKeys.Keyed k = noted.take(m);
            return k == null ? null : k.batch();
        }

        @Override
        public boolean busy() {
            synchronized (lock) {
                return inFlight.any();
            }
        }
    };
    private final RetainedState retained = new RetainedState();
    private final NotedKeys noted = new NotedKeys();
    private final Object lock = new Object();
    private final AtomicLong connects = new AtomicLong();
    private final Reconnector reconnector;
    private final Thread drain;
    private volatile boolean running = true;
    private long generation;
    private final InFlight inFlight = new InFlight();
    private long cursor;
    private boolean connected;

    /** An outbox whose batches leave the queue at their PUBACK (no server confirmation). */
    public MqttOutbox(MqttSettings settings, DurableQueue queue) throws MqttException {
        this(settings, queue, DeliverySettings.defaults().withServerConfirms(false), null);
    }

    /**
     * @param gatewayId whose {@code stored} confirmations to subscribe to; may be null when the
     *                  delivery settings do not wait for the server
     */
    public MqttOutbox(MqttSettings settings, DurableQueue queue, DeliverySettings delivery, String gatewayId)
            throws MqttException {
        this.settings = settings;
        this.delivery = delivery;
        this.storedFilter = delivery.serverConfirms() ? Topics.storedFilter(gatewayId) : null;
        this.storedBundleTopic = delivery.serverConfirms() ? Topics.storedBundle(gatewayId) : null;
        this.gatewayId = gatewayId;
        this.unconfirmed = new Unconfirmed(delivery.confirmTimeout().toNanos(), delivery.maxConfirmTimeout().toNanos(),
                delivery.park().toNanos(), delivery.maxUnconfirmed());
        this.queue = queue;
        this.confirmations = new Confirmations(lock, unconfirmed, queue, delivery);
        this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        client.setCallback(new Callback());
        this.publisher = new Publisher(client, queue, delivery.park(), new Outcomes());
        this.reconnector = new Reconnector(client, settings, () -> running, this::brokerLimits);
        this.drain = new Thread(this::drainLoop, "mqtt-drain-" + settings.clientId());
        drain.setDaemon(true);
    }

    /** Starts connecting (in the background; Paho keeps retrying) and draining. */
    public void start() throws MqttException {
        client.connect(MqttOptions.of(settings), null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                brokerLimits(token); // connectComplete does the rest
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                LOG.warn("MQTT broker {} not reachable ({}); retrying", settings.brokerUrl(), e.getMessage());
                reconnectInBackground();
            }
        });
        drain.start();
    }

    private void reconnectInBackground() {
        if (running) {
            reconnector.start();
        }
    }

    /** Sets retained state for a topic and publishes it now if connected, else after connecting. */
    public void retain(String topic, byte[] payload) {
        retained.put(topic, payload);
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void brokerLimits(IMqttToken connect) {
        synchronized (lock) {
            inFlight.connected(connect);
            lock.notifyAll();
        }
    }

    /** Publications that may await their PUBACK at once: what the broker takes, at most {@value InFlight#MOST}. */
    public int inFlightLimit() {
        synchronized (lock) {
            return inFlight.limit();
        }
    }

    public boolean connected() {
        return client.isConnected();
    }

    /** Samples whose batches left the queue: confirmed stored by the server (or PUBACKed, see {@link DeliverySettings}). */
    public long samplesOut() {
        return confirmations.samplesOut() + publisher.samplesOutOnPuback();
    }

    /** Batches published and not yet confirmed by the server, parked ones included. */
    public long unconfirmed() {
        synchronized (lock) {
            return unconfirmed.size();
        }
    }

    /** Batches the broker refused with an error reason (each refusal counted). */
    public long refusals() {
        return publisher.refusals();
    }

    /**
     * Notes the key of a sample batch just appended to the queue at {@code index}, as its
     * confirmation will name it.
     */
    public void queued(long index, SampleBatch b) {
        if (delivery.serverConfirms()) {
            noted.note(index, b);
        }
    }

    /** Age of the oldest batch in the queue, ms (0 when empty), from its seal time. */
    public long oldestAgeMs() {
        return BatchKeys.oldestAgeMs(queue);
    }

    private void drainLoop() {
        while (running) {
            try {
                long at;
                long gen;
                Map.Entry<String, byte[]> state;
                List<Unconfirmed.Batch> due = List.of();
                synchronized (lock) {
                    while (running && (!connected || inFlight.full())) {
                        lock.wait(100);
                    }
                    if (!running) {
                        return;
                    }
                    gen = generation;
                    state = retained.nextDue();
                    if (state != null) {
                        inFlight.sent();
                    }
                    at = Math.max(cursor, queue.head());
                    if (state == null && delivery.serverConfirms()) {
                        due = unconfirmed.due(System.nanoTime(), inFlight.room());
                    }
                }
                if (state != null) {
                    // state first: it is small, and dashboards show it
                    retained.publish(client, state.getKey(), state.getValue(), () -> finished(gen, true));
                    continue;
                }
                if (!due.isEmpty()) {
                    republish(due, gen);
                    continue;
                }
                boolean full;
                synchronized (lock) {
                    full = delivery.serverConfirms() && unconfirmed.full();
                    if (full) {
                        lock.wait(20); // backpressure: the rest waits on disk until confirmations arrive
                        continue;
                    }
                }
                QueuedMessage m = queue.take(at, Duration.ofMillis(20));
                if (m == null) {
                    continue;
                }
                BatchKeys.Keyed key = delivery.serverConfirms() ? noted.take(m) : null;
                if (key != null && confirmations.bundles()) {
                    bundle(m, key, gen);
                    continue;
                }
                synchronized (lock) {
                    if (gen != generation) {
                        continue;
                    }
                    inFlight.sent();
                    cursor = m.index() + 1;
                    if (key != null) {
                        unconfirmed.published(key.batch(), System.nanoTime());
                    }
                }
                publisher.send(m, gen, key != null);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                LOG.warn("reading the queue failed ({}); retrying from its head", e.getMessage());
                rewind();
            } catch (RuntimeException e) {
                LOG.error("MQTT drain hit an unexpected error; retrying from the queue head", e);
                rewind();
            }
        }
    }

    /**
     * Gathers the batches queued after {@code first}, for at most the bundle linger and while the
     * confirmation window has room, and publishes them as one sample bundle (§7.7). A batch that
     * does not fit is left for the next round.
     */
    private void bundle(QueuedMessage first, BatchKeys.Keyed firstKey, long gen) throws IOException, InterruptedException {
        int room;
        synchronized (lock) {
            room = unconfirmed.room();
        }
        SampleBundler bundle = SampleBundler.gather(gatewayId, delivery.bundleMax(), first, firstKey.batch(), room,
                delivery.bundleLinger(), bundleSource);
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            inFlight.sent();
            cursor = bundle.resumeAt();
            long now = System.nanoTime();
            for (Unconfirmed.Batch k : bundle.keys()) {
                unconfirmed.published(k, now);
            }
        }
        if (bundle.size() == 1) {
            publisher.send(first, gen, true); // alone, it goes on its device's topic as ever
        } else {
            publisher.sendBundle(bundle, gen);
        }
    }

    /** Publishes unconfirmed batches again (timeout, reconnect or end of park), in queue order. */
    private void republish(List<Unconfirmed.Batch> due, long gen) throws IOException, InterruptedException {
        int sent = 0;
        long timeoutMs = 0;
        for (Unconfirmed.Batch b : due) {
            QueuedMessage m = queue.take(b.index(), Duration.ZERO);
            synchronized (lock) {
                if (gen != generation || !connected) {
                    return;
                }
                if (!unconfirmed.contains(b.index())) {
                    continue; // confirmed meanwhile
                }
                if (m == null || m.index() != b.index()) {
                    // the queue acknowledged it (a confirmation came while the drain was publishing it
                    // again, which put it back here): left due, it would be "due" forever and hold
                    // every later batch back
                    unconfirmed.forget(b.index());
                    continue;
                }
                unconfirmed.published(b, System.nanoTime());
                inFlight.sent();
                timeoutMs = unconfirmed.timeoutNanos() / 1_000_000;
            }
            publisher.send(m, gen, true);
            sent++;
        }
        if (sent > 0) {
            LOG.info("published {} unconfirmed batch(es) again (oldest queue index {}; confirm timeout now {} ms)",
                    sent, due.get(0).index(), timeoutMs);
        }
    }

    /** What a publication's outcome does to the drain's state. */
    private final class Outcomes implements Publisher.Outcomes {
        @Override
        public void finished(long gen, boolean ok) {
            MqttOutbox.this.finished(gen, ok);
        }

        @Override
        public void refused(List<Long> indices) {
            synchronized (lock) {
                long now = System.nanoTime();
                for (long i : indices) {
                    unconfirmed.refused(i, now);
                }
            }
        }

        @Override
        public void noRoom(long gen, List<Long> indices, boolean awaitsServer) {
            synchronized (lock) {
                if (gen == generation) {
                    inFlight.done();
                    if (indices.size() == 1) {
                        cursor = Math.min(cursor, indices.get(0)); // a bundle's batches go again as due ones
                    }
                }
                if (awaitsServer) {
                    long now = System.nanoTime();
                    for (long i : indices) {
                        unconfirmed.retrySoon(i, now); // only these, not all
                    }
                }
                lock.notifyAll();
            }
        }
    }

    private void finished(long gen, boolean ok) {
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            inFlight.done();
            if (!ok && !delivery.serverConfirms()) {
                // resend everything not yet acknowledged, in order
                generation++;
                inFlight.clear();
                cursor = queue.head();
            }
            lock.notifyAll();
        }
    }

    private void rewind() {
        synchronized (lock) {
            generation++;
            inFlight.clear();
            cursor = queue.head();
            unconfirmed.allDue(System.nanoTime());
        }
        sleepQuietly(50);
    }

    static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes final retained state (e.g. OFFLINE), waits briefly for it, and disconnects. */
    public void close(Map<String, byte[]> finalRetained) {
        running = false;
        drain.interrupt();
        try {
            if (client.isConnected()) {
                long until = System.nanoTime() + 2_000_000_000L;
                for (Map.Entry<String, byte[]> e : finalRetained.entrySet()) {
                    RetainedState.publishNow(client, e.getKey(), e.getValue(), until);
                }
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.warn("clean MQTT disconnect failed: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing the MQTT client: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        close(Map.of());
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("MQTT disconnected from {}: {}", settings.brokerUrl(), response.getReasonString() != null
                    ? response.getReasonString() : String.valueOf(response.getException()));
            synchronized (lock) {
                connected = false;
                generation++;
                inFlight.clear();
                if (!delivery.serverConfirms()) {
                    cursor = queue.head();
                }
            }
            reconnectInBackground();
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // only the server's stored confirmations are subscribed to, alone or bundled
            confirmations.arrived(topic, topic.equals(storedBundleTopic), message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // acknowledgements are handled per message by their listeners
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            long n = connects.incrementAndGet();
            LOG.info("MQTT connected to {} ({}; {} message(s) queued)", serverURI,
                    n == 1 ? "first connect" : "reconnect " + (n - 1), queue.depth());
            confirmations.connected(); // no bundles until this broker's server says it reads them
            if (storedFilter != null) {
                try {
                    client.subscribe(new String[] {storedFilter, storedBundleTopic}, new int[] {1, 1});
                } catch (MqttException e) {
                    LOG.warn("cannot subscribe to {}: {}; unconfirmed batches will be published again", storedFilter,
                            e.getMessage());
                }
            }
            synchronized (lock) {
                connected = true;
                generation++;
                inFlight.clear();
                retained.allDue(); // the broker may have lost it (a restart without persistence)
                if (delivery.serverConfirms()) {
                    // the broker may have lost what it held: everything unconfirmed goes out again;
                    // the cursor stays, since the unconfirmed set remembers what was published
                    unconfirmed.allDue(System.nanoTime());
                    if (n == 1) {
                        cursor = queue.head();
                    }
                } else {
                    cursor = queue.head();
                }
                lock.notifyAll();
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
