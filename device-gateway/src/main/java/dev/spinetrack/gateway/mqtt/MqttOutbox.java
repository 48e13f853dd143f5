package dev.spinetrack.gateway.mqtt;

import dev.spinetrack.gateway.queue.DurableQueue;
import dev.spinetrack.gateway.queue.QueuedMessage;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the durable queue to the broker in order, QoS 1, and acknowledges each message
 * in the queue only on its PUBACK. Retained state (device info and status, gateway status)
 * is kept here and published again after every reconnect.
 *
 * <p>Session: persistent ({@code cleanStart=false}, one hour expiry) under the gateway's client id,
 * automatic reconnect with Paho's backoff. Paho keeps its own in-flight state in memory only:
 * the durable queue is the store of record, and everything not acknowledged is sent again
 * after a reconnect or restart (at least once).
 */
public final class MqttOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttOutbox.class);
    private static final int WINDOW = 64;
    private static final long SESSION_EXPIRY_S = 3600;

    private final MqttSettings settings;
    private final DurableQueue queue;
    private final MqttAsyncClient client;
    private final Map<String, byte[]> retained = new LinkedHashMap<>();
    private final Object lock = new Object();
    private final AtomicLong samplesOut = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final Thread drain;
    private volatile boolean running = true;
    private long generation;
    private int inFlight;
    private long cursor;
    private boolean connected;

    public MqttOutbox(MqttSettings settings, DurableQueue queue) throws MqttException {
        this.settings = settings;
        this.queue = queue;
        this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        client.setCallback(new Callback());
        this.drain = new Thread(this::drainLoop, "mqtt-drain-" + settings.clientId());
        drain.setDaemon(true);
    }

    /** Starts connecting (in the background; Paho keeps retrying) and draining. */
    public void start() throws MqttException {
        client.connect(options(), null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                // connectComplete does the work
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                LOG.warn("MQTT broker {} not reachable ({}); retrying", settings.brokerUrl(), e.getMessage());
                retryFirstConnect();
            }
        });
        drain.start();
    }

    /** Paho's automatic reconnect only starts after a first success, so the first connect is retried here. */
    private void retryFirstConnect() {
        Thread t = new Thread(() -> {
            long delay = 250;
            while (running && !client.isConnected()) {
                try {
                    Thread.sleep(delay);
                    client.connect(options()).waitForCompletion(10_000);
                } catch (InterruptedException e) {
                    return;
                } catch (MqttException e) {
                    delay = Math.min(delay * 2, 5_000);
                    LOG.debug("MQTT connect retry failed: {}", e.getMessage());
                }
            }
        }, "mqtt-first-connect");
        t.setDaemon(true);
        t.start();
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(SESSION_EXPIRY_S);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 5);
        o.setKeepAliveInterval(10);
        o.setConnectionTimeout(10);
        MqttMessage will = new MqttMessage(settings.willPayload(), 1, true, new MqttProperties());
        o.setWill(settings.willTopic(), will);
        if (settings.username() != null) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null) {
            o.setPassword(settings.password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (settings.trustStore() != null) {
            o.setSocketFactory(TlsContext.socketFactory(settings.trustStore(), settings.trustStorePassword()));
        }
        return o;
    }

    /** Sets retained state for a topic and publishes it now if connected, else after connecting. */
    public void retain(String topic, byte[] payload) {
        synchronized (retained) {
            retained.put(topic, payload);
        }
        if (client.isConnected()) {
            publishRetained(topic, payload);
        }
    }

    private void publishRetained(String topic, byte[] payload) {
        try {
            client.publish(topic, payload, 1, true);
        } catch (MqttException e) {
            LOG.debug("retained publish to {} deferred to the next connect: {}", topic, e.getMessage());
        }
    }

    public boolean connected() {
        return client.isConnected();
    }

    /** Samples whose batches the broker acknowledged. */
    public long samplesOut() {
        return samplesOut.get();
    }

    private void drainLoop() {
        while (running) {
            try {
                long at;
                long gen;
                synchronized (lock) {
                    while (running && (!connected || inFlight >= WINDOW)) {
                        lock.wait(100);
                    }
                    if (!running) {
                        return;
                    }
                    at = Math.max(cursor, queue.head());
                    gen = generation;
                }
                QueuedMessage m = queue.take(at, Duration.ofMillis(100));
                if (m == null) {
                    continue;
                }
                synchronized (lock) {
                    if (gen != generation) {
                        continue;
                    }
                    inFlight++;
                    cursor = m.index() + 1;
                }
                send(m, gen);
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

    private void send(QueuedMessage m, long gen) {
        try {
            client.publish(m.topic(), m.payload(), 1, false, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                        LOG.warn("broker refused message {} on {} with reason 0x{}; it stays queued",
                                m.index(), m.topic(), Integer.toHexString(codes[0]));
                        finished(gen, false);
                        return;
                    }
                    try {
                        if (queue.ack(m.index())) {
                            samplesOut.addAndGet(m.weight());
                        }
                    } catch (IOException e) {
                        LOG.warn("recording the PUBACK of message {} failed: {}", m.index(), e.getMessage());
                    }
                    finished(gen, true);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    finished(gen, false);
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() == org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                // the broker's receive maximum is below our window: send it again shortly
                synchronized (lock) {
                    if (gen == generation) {
                        inFlight--;
                        cursor = Math.min(cursor, m.index());
                    }
                }
                sleepQuietly(2);
            } else {
                finished(gen, false);
            }
        }
    }

    private void finished(long gen, boolean ok) {
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            inFlight--;
            if (!ok) {
                // resend everything not yet acknowledged, in order
                generation++;
                inFlight = 0;
                cursor = queue.head();
            }
            lock.notifyAll();
        }
    }

    private void rewind() {
        synchronized (lock) {
            generation++;
            inFlight = 0;
            cursor = queue.head();
        }
        sleepQuietly(50);
    }

    private static void sleepQuietly(long ms) {
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
                for (Map.Entry<String, byte[]> e : finalRetained.entrySet()) {
                    client.publish(e.getKey(), e.getValue(), 1, true).waitForCompletion(2_000);
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
                inFlight = 0;
                cursor = queue.head();
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // the gateway subscribes to nothing
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
            Map<String, byte[]> copy;
            synchronized (retained) {
                copy = new LinkedHashMap<>(retained);
            }
            copy.forEach(MqttOutbox.this::publishRetained);
            synchronized (lock) {
                connected = true;
                generation++;
                inFlight = 0;
                cursor = queue.head();
                lock.notifyAll();
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
