package dev.spinetrack.server.ingest;

import dev.spinetrack.server.broker.MqttSettings;
import dev.spinetrack.server.payload.PayloadReader;
import dev.spinetrack.transport.BufferedSocketFactory;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.broker.BrokerConnection;
import dev.spinetrack.server.session.IngestDisturbance;
import dev.spinetrack.server.session.SampleProcessor;
import dev.spinetrack.server.storage.Database;
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
import java.util.List;

/**
 * Consumes the SpineTrack topics with Paho MQTTv5 and manual acknowledgements: a message is
 * acknowledged only after {@link SampleProcessor} committed its effects. Paho's callback thread
 * parses and validates; {@link IngestPartitions} stores on several workers, each device's
 * messages on one of them in arrival order (batches waiting together in one transaction), and
 * acknowledges in arrival order ({@code spinetrack.ingest.workers}, default one per core;
 * {@code spinetrack.ingest.receive-maximum}, default 4000, the MQTT receive window, within a budget of held samples). Messages that can never
 * be accepted (unknown topic, bad JSON, invalid payload) are counted, logged with their reason
 * and acknowledged, so they never block the stream. A storage failure leaves the message
 * unacknowledged; the broker redelivers it on the next connection (persistent session).
 * Sample batches and sample bundles (PROTOCOL.md §7.7, several devices' batches in one message,
 * split here into one message per batch and acknowledged once, after the last) may come through
 * an MQTT 5 shared subscription; info and status are retained and therefore subscribed plainly
 * (brokers do not send retained messages to shared subscriptions).
 */
@Context
@Requires(property = "spinetrack.mqtt.enabled", notEquals = "false")
public class MqttIngest implements MqttCallback, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);

    private final MessageParser parser;
    private final MqttClient client;
    private final String samplesFilter;
    private final String bundleFilter;
    private final String infoFilter;
    private final String statusFilter;
    private final String gatewayStatusFilter;
    private final IngestPartitions partitions;
    private final StoredConfirmer confirmer;
    private final IngestDisturbance disturbance;
    private final IngestLag lag;
    private final java.util.concurrent.ExecutorService subscriber = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "mqtt-ingest-subscribe");
                t.setDaemon(true);
                return t;
            });

    public MqttIngest(BrokerConnection broker, MqttSettings settings, SampleProcessor processor, PayloadReader payloads,
                      IngestCounters counters, Database database, IngestDisturbance disturbance, IngestLag lag,
                      @Value("${micronaut.server.port:8080}") int httpPort,
                      @Value("${spinetrack.ingest.workers:0}") int workers,
                      @Value("${spinetrack.ingest.receive-maximum:4000}") int receiveMaximum,
                      @Value("${spinetrack.ingest.confirm-linger-ms:100}") long confirmLingerMs)
            throws MqttException {
        this.parser = new MessageParser(payloads);
        if (workers <= 0) {
            workers = Runtime.getRuntime().availableProcessors();
        }
        this.lag = lag;
        String root = Topics.ROOT + "/" + settings.gateway() + "/+/";
        String share = settings.sharedGroup().isBlank() ? "" : "$share/" + settings.sharedGroup() + "/";
        this.samplesFilter = share + root + "samples";
        // bundles (PROTOCOL.md §7.7) carry batches like the device topics, so they are shared alike
        this.bundleFilter = share + Topics.ROOT + "/" + settings.gateway() + "/samples";
        this.infoFilter = root + "info";
        this.statusFilter = root + "status";
        this.gatewayStatusFilter = Topics.ROOT + "/" + settings.gateway() + "/status";
        String clientId = settings.clientId().isBlank() ? defaultClientId(httpPort) : settings.clientId();
        this.disturbance = disturbance;
        this.partitions = new IngestPartitions(workers, receiveMaximum,
                IngestWorker.Sink.of(processor, () -> reachable(database)), counters, new IngestPartitions.Outlet() {
                    @Override
                    public void committed(IngestWorker.Pending message) {
                        confirm(message);
                    }

                    @Override
                    public void flush() {
                        confirmer.flush();
                    }

                    @Override
                    public void acknowledge(IngestWorker.Pending message) {
                        MqttIngest.this.acknowledge(message);
                    }
                }, disturbance);
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
        options.setReceiveMaximum(receiveMaximum);
        if (broker.address().username() != null) {
            options.setUserName(broker.address().username());
        }
        if (broker.address().password() != null) {
            options.setPassword(broker.address().password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (broker.address().url().startsWith("tcp://")) {
            options.setSocketFactory(new BufferedSocketFactory()); // buffered reads; PUBACKs leave at once
        }
        MqttCredentials.apply(settings, options);
        this.confirmer = new StoredConfirmer(broker.address().url(), clientId + "-confirm", options,
                confirmLingerMs);
        connect(options);
        LOG.info("MQTT ingest connected to {} as {}, samples from {} and {}, {} workers, receive window {}",
                broker.address().url(), clientId, samplesFilter, bundleFilter, partitions.count(), receiveMaximum);
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
            client.subscribe(new String[] {samplesFilter, bundleFilter, infoFilter, statusFilter, gatewayStatusFilter},
                    new int[] {Topics.QOS, Topics.QOS, Topics.QOS, Topics.QOS, Topics.QOS});
            disturbance.end();
            if (reconnect) {
                LOG.info("MQTT ingest reconnected to {}", serverURI);
            }
        } catch (MqttException e) {
            LOG.error("Cannot subscribe to the SpineTrack topics on {}: {}", serverURI, e.getMessage());
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
        // Parsing and validation run here, storage on the workers: they overlap on the cores.
        List<MessageParser.Parsed> parsed = parser.parseAll(topic, message.getPayload());
        // A bundle is one message per batch here, each routed by its device like a batch on its
        // device's topic, and is acknowledged once, by its last batch: acknowledgements follow
        // arrival order, so when that one is released every batch before it is committed (or
        // refused for good). The lag, keyed by MQTT id, counts its oldest batch until then.
        int last = parsed.size() - 1;
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i <= last; i++) {
            if (parsed.get(i).payload() instanceof SampleBatch b) {
                oldest = Math.min(oldest, newestT(b));
            }
        }
        lag.waiting(message.getId(), oldest == Long.MAX_VALUE ? System.currentTimeMillis() : oldest);
        for (int i = 0; i <= last; i++) {
            partitions.put(new IngestWorker.Pending(topic, message.getId(), message.getQos(), parsed.get(i), i == last));
        }
    }

    /** Right after the commit, on the worker: the gateway's confirmation and the store lag. */
    private void confirm(IngestWorker.Pending p) {
        if (p.parsed().confirm() != null) {
            confirmer.add(p.parsed().confirm());
        }
        if (p.batch() != null) {
            lag.stored(newestT(p.batch()));
        }
    }

    /** In arrival order, after {@link #confirm}: the MQTT acknowledgement, by a bundle's last batch. */
    private void acknowledge(IngestWorker.Pending p) {
        if (!p.acks()) {
            return;
        }
        try {
            client.messageArrivedComplete(p.id(), p.qos());
        } catch (MqttException e) {
            LOG.warn("Could not acknowledge message {} on {}: {}", p.id(), p.topic(), e.getMessage());
        }
        lag.finished(p.id());
    }

    private static long newestT(SampleBatch batch) {
        long newest = Long.MIN_VALUE;
        for (dev.spinetrack.protocol.mqtt.Sample s : batch.samples()) {
            newest = Math.max(newest, s.t());
        }
        return newest == Long.MIN_VALUE ? System.currentTimeMillis() : newest;
    }

    private static boolean reachable(Database database) {
        try {
            return database.read(c -> c.isValid(5));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Why storage fails right now (ingest holds back and retries), or null when it works. */
    public String storageOutage() {
        return partitions.outage();
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        disturbance.begin();
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
        partitions.close();
        confirmer.close();
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
