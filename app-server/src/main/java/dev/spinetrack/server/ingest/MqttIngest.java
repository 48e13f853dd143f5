package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.broker.BrokerConnection;
import dev.spinetrack.server.session.IngestOutcome;
import dev.spinetrack.server.session.SampleProcessor;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Consumes the SpineTrack topics with Paho MQTTv5 and manual acknowledgements: a message is
 * acknowledged only after {@link SampleProcessor} committed its effects. Messages that can never
 * be accepted (unknown topic, bad JSON, invalid payload) are counted, logged with their reason
 * and acknowledged, so they never block the stream. A storage failure leaves the message
 * unacknowledged; the broker redelivers it on the next connection (persistent session).
 * Sample batches may come through an MQTT 5 shared subscription; info and status are retained
 * and therefore subscribed plainly (brokers do not send retained messages to shared subscriptions).
 */
@Context
@Requires(property = "spinetrack.mqtt.enabled", notEquals = "false")
public class MqttIngest implements MqttCallback, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);
    private static final int ATTEMPTS = 3;

    private final SampleProcessor processor;
    private final PayloadReader payloads;
    private final IngestCounters counters;
    private final MqttClient client;
    private final String samplesFilter;
    private final String infoFilter;
    private final String statusFilter;
    private final java.util.concurrent.ExecutorService subscriber = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "mqtt-ingest-subscribe");
                t.setDaemon(true);
                return t;
            });

    public MqttIngest(BrokerConnection broker, MqttSettings settings, SampleProcessor processor, PayloadReader payloads,
                      IngestCounters counters, @Value("${micronaut.server.port:8080}") int httpPort)
            throws MqttException {
        this.processor = processor;
        this.payloads = payloads;
        this.counters = counters;
        String root = Topics.ROOT + "/" + settings.gateway() + "/+/";
        this.samplesFilter = (settings.sharedGroup().isBlank() ? "" : "$share/" + settings.sharedGroup() + "/")
                + root + "samples";
        this.infoFilter = root + "info";
        this.statusFilter = root + "status";
        String clientId = settings.clientId().isBlank() ? defaultClientId(httpPort) : settings.clientId();
        this.client = new MqttClient(broker.address().url(), clientId, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(this);
        MqttConnectionOptions options = new MqttConnectionOptions();
        // A persistent session: what is published while this server is down or what it left
        // unacknowledged is delivered when it is back.
        options.setCleanStart(false);
        options.setSessionExpiryInterval(24 * 3600L);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setKeepAliveInterval(30);
        options.setReceiveMaximum(64);
        connect(options);
        LOG.info("MQTT ingest connected to {} as {}, samples from {}", broker.address().url(), clientId,
                samplesFilter);
    }

    private void connect(MqttConnectionOptions options) throws MqttException {
        MqttException last = null;
        for (int i = 0; i < 10; i++) {
            try {
                client.connect(options);
                return;
            } catch (MqttException e) {
                last = e;
                LOG.warn("MQTT broker not reachable yet ({}), retrying", e.getMessage());
                sleep(1000);
            }
        }
        throw last;
    }

    private static String defaultClientId(int httpPort) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9-]", "");
        } catch (Exception e) {
            host = "local";
        }
        return "spinetrack-server-" + host + "-" + httpPort;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // Not on the callback thread: a persistent session's queued messages arrive at once, and
        // a callback thread blocked waiting for SUBACK could not take them (Paho deadlocks).
        subscriber.execute(() -> subscribe(reconnect, serverURI));
    }

    private void subscribe(boolean reconnect, String serverURI) {
        try {
            client.subscribe(new String[] {samplesFilter, infoFilter, statusFilter},
                    new int[] {Topics.QOS, Topics.QOS, Topics.QOS});
            if (reconnect) {
                LOG.info("MQTT ingest reconnected to {}", serverURI);
            }
        } catch (MqttException e) {
            LOG.error("Cannot subscribe to the SpineTrack topics on {}: {}", serverURI, e.getMessage());
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        if (handle(topic, message.getPayload())) {
            try {
                client.messageArrivedComplete(message.getId(), message.getQos());
            } catch (MqttException e) {
                LOG.warn("Could not acknowledge message {} on {}: {}", message.getId(), topic, e.getMessage());
            }
        }
    }

    /**
     * Processes one message.
     *
     * @return whether it may be acknowledged (done, or never acceptable)
     */
    boolean handle(String topic, byte[] payload) {
        Optional<Topics.TopicAddress> address = Topics.parse(topic);
        if (address.isEmpty()) {
            reject(topic, "unknown-topic", "not a SpineTrack topic");
            return true;
        }
        Topics.TopicAddress a = address.get();
        for (int attempt = 1; ; attempt++) {
            try {
                apply(a, payload);
                return true;
            } catch (BadPayloadException e) {
                reject(topic, "bad-payload", e.getMessage());
                return true;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    LOG.error("Message on {} could not be stored after {} attempts, left unacknowledged for "
                            + "redelivery: {}", topic, attempt, e.toString());
                    return false;
                }
                LOG.warn("Message on {} failed (attempt {}), retrying: {}", topic, attempt, e.toString());
                sleep(200L * attempt);
            }
        }
    }

    private void apply(Topics.TopicAddress a, byte[] payload) {
        switch (a.kind()) {
            case SAMPLES -> {
                SampleBatch batch = payloads.read(payload, SampleBatch.class);
                requireSameDevice(a, batch.device(), batch.gateway());
                long start = System.nanoTime();
                IngestOutcome out = processor.onSamples(batch);
                counters.batchTimer().record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                counters.samples(out.stored(), out.duplicates(), out.rejected());
                if (out.duplicates() > 0) {
                    LOG.debug("Device {} batch {}: {} duplicate samples dropped", batch.device(), batch.batch(),
                            out.duplicates());
                }
            }
            case INFO -> {
                if (payload.length == 0) {
                    return; // a cleared retained message
                }
                DeviceInfo info = payloads.read(payload, DeviceInfo.class);
                requireSameDevice(a, info.device(), info.gateway());
                processor.onInfo(info);
            }
            case DEVICE_STATUS -> {
                if (payload.length == 0) {
                    return;
                }
                DeviceStatus status = payloads.read(payload, DeviceStatus.class);
                requireSameDevice(a, status.device(), status.gateway());
                processor.onStatus(status);
            }
            default -> {
                // gateway status is not subscribed
            }
        }
    }

    private static void requireSameDevice(Topics.TopicAddress a, String device, String gateway) {
        if (!a.device().equals(device) || !a.gateway().equals(gateway)) {
            throw new BadPayloadException("payload names gateway " + gateway + " device " + device
                    + " but the topic names gateway " + a.gateway() + " device " + a.device());
        }
    }

    private void reject(String topic, String kind, String reason) {
        counters.badMessage(kind);
        LOG.warn("Rejected message on {}: {}", topic, reason);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        LOG.warn("MQTT ingest disconnected: {}", response.getReasonString() == null ? response.getException()
                : response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("MQTT error: {}", exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // the ingest publishes nothing
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }

    /** Whether the consumer is connected to the broker. */
    public boolean connected() {
        return client.isConnected();
    }

    @Override
    @PreDestroy
    public void close() {
        subscriber.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT close: {}", e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
