package dev.spinetrack.server.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.Topics;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the end-to-end confirmations (PROTOCOL.md §7.6) on
 * {@code spinetrack/v1/{gateway}/{device}/stored}, QoS 1, after the transaction that stored the
 * batches committed. The batches of one device and boot confirmed together go out as one message;
 * batches that came in sample bundles are confirmed together per gateway, in stored bundles on
 * {@code spinetrack/v1/{gateway}/stored} (§7.7; {@link PendingConfirmations}). Every confirmation
 * says {@code "bundles": true}, which lets gateways send bundles.
 * Its own connection, so publishing never waits on the ingest client's callback thread. A
 * confirmation the broker's in-flight window has no room for waits for the next flush; one that
 * fails otherwise is not retried here: the gateway publishes the batch again after its timeout
 * and the server, holding its samples already, confirms it again.
 *
 * <p>Flushes are at least {@code linger} apart: a flush asked for sooner is done by a timer when
 * the linger has passed. Workers commit small groups many times a second, and a confirmation per
 * device and commit made the confirmations as many as the batches (each a Paho publish here, a
 * broker delivery and a callback in the gateway). Within a linger a device's batches share one
 * message. Only the gateway's disk queue waits for confirmations, never the live path.
 */
final class StoredConfirmer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoredConfirmer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttAsyncClient client;
    private final PendingConfirmations pending = new PendingConfirmations();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong unsent = new AtomicLong();
    private final long lingerNanos;
    private final ScheduledExecutorService timer;
    private long lastSentNanos;
    private boolean sendScheduled;

    /**
     * @param lingerMs least time between two flushes (0: every flush sends at once)
     */
    StoredConfirmer(String brokerUrl, String clientId, MqttConnectionOptions template, long lingerMs)
            throws MqttException {
        if (lingerMs < 0) {
            throw new IllegalArgumentException("the confirmation linger must be at least 0 ms, was " + lingerMs);
        }
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMs);
        this.lastSentNanos = System.nanoTime() - lingerNanos;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stored-confirmer");
            t.setDaemon(true);
            return t;
        });
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 10);
        o.setKeepAliveInterval(30);
        if (template.getUserName() != null) {
            o.setUserName(template.getUserName());
        }
        if (template.getPassword() != null) {
            o.setPassword(template.getPassword());
        }
        if (template.getSocketFactory() != null) {
            o.setSocketFactory(template.getSocketFactory());
        }
        client.connect(o);
    }

    /** Notes a batch as done; {@link #flush} sends it. */
    synchronized void add(ConfirmKey k) {
        pending.add(k);
    }

    /**
     * Sends everything noted since the last flush, now when the last send is a linger ago, else
     * when it will be.
     */
    synchronized void flush() {
        if (pending.isEmpty() || sendScheduled) {
            return;
        }
        long wait = lingerNanos - (System.nanoTime() - lastSentNanos);
        if (wait > 0) {
            schedule(wait);
        } else {
            send();
        }
    }

    private void schedule(long delayNanos) {
        try {
            timer.schedule(this::sendScheduled, delayNanos, TimeUnit.NANOSECONDS);
            sendScheduled = true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            send(); // closing: send what is there now
        }
    }

    private synchronized void sendScheduled() {
        sendScheduled = false;
        send();
    }

    /**
     * Sends what is noted. When the broker's in-flight window is full, what is left stays noted
     * and is tried again a linger later instead of waiting for the gateway's timeout.
     */
    private void send() {
        lastSentNanos = System.nanoTime();
        if (pending.isEmpty()) {
            return;
        }
        boolean windowFull = false;
        for (PendingConfirmations.Message m : pending.drain()) {
            if (windowFull || !publish(m)) {
                windowFull = true;
                pending.restore(m); // kept in order: drain emptied what is noted
            }
        }
        if (!pending.isEmpty() && !sendScheduled) {
            schedule(Math.max(lingerNanos, TimeUnit.MILLISECONDS.toNanos(1)));
        }
    }

    /** Publishes; false when the in-flight window is full (try again at the next flush). */
    private boolean publish(PendingConfirmations.Message m) {
        try {
            client.publish(m.topic(), JSON.writeValueAsBytes(m.payload()), Topics.QOS, false);
            sent.incrementAndGet();
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                return false;
            }
            unsentLogged(m, e.getMessage());
        } catch (JsonProcessingException | RuntimeException e) {
            unsentLogged(m, e.getMessage());
        }
        return true;
    }

    private void unsentLogged(PendingConfirmations.Message m, String why) {
        long n = unsent.incrementAndGet();
        if (n <= 10 || n % 1000 == 0) {
            LOG.warn("Confirmation for {} not sent ({} so far): {}; the gateway will send the batch again",
                    m.target(), n, why);
        }
    }

    /** Whether its connection to the broker is up. */
    boolean connected() {
        return client.isConnected();
    }

    /** Confirmations published. */
    long sent() {
        return sent.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            sendScheduled = true; // nothing more is scheduled: the timer is gone
            send(); // best effort: what is not confirmed now, the gateway publishes again
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(3000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing the confirmation client: {}", e.getMessage());
        }
    }
}
