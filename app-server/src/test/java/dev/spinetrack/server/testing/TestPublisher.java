package dev.spinetrack.server.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes like a gateway (QoS 1), raw bytes included, for ingest tests. */
public final class TestPublisher implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final MqttClient client;
    private final String gateway;
    private final AtomicLong batchNo = new AtomicLong();
    private final java.util.Set<String> retained = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public TestPublisher(String broker, String gateway) {
        this(broker, gateway, null, null);
    }

    /**
     * A publisher with MQTT credentials.
     *
     * @param gateway  gateway id its topics and payloads name
     * @param username MQTT user name (a registered gateway's id), or null
     * @param password its secret, or null
     */
    public TestPublisher(String broker, String gateway, String username, String password) {
        this.gateway = gateway;
        try {
            client = new MqttClient(broker, "it-pub-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            if (username != null) {
                o.setUserName(username);
            }
            if (password != null) {
                o.setPassword(password.getBytes(StandardCharsets.UTF_8));
            }
            client.connect(o);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect to " + broker, e);
        }
    }

    public String gateway() {
        return gateway;
    }

    public void info(DeviceInfo info) {
        publish(Topics.info(gateway, info.device()), write(info), true);
        retained.add(info.device());
    }

    public void batch(String device, List<Sample> samples) {
        publish(Topics.samples(gateway, device),
                write(SampleBatch.of(gateway, device, batchNo.incrementAndGet(), System.currentTimeMillis(), samples)),
                false);
    }

    public void raw(String topic, String payload) {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Clears a retained info so later runs on a shared broker do not see it. */
    public void clearInfo(String device) {
        publish(Topics.info(gateway, device), new byte[0], true);
    }

    private byte[] write(Object o) {
        try {
            return json.writeValueAsBytes(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(String topic, byte[] payload, boolean retained) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        m.setRetained(retained);
        // Paho can report its in-flight window full for a moment after the previous PUBACK (or while
        // another thread of the test publishes): wait for room, as a real publisher would, rather than
        // fail the test; anything else is a real failure
        for (int attempt = 0; ; attempt++) {
            try {
                client.publish(topic, m);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt >= 2_000) {
                    throw new IllegalStateException("publish to " + topic + " failed", e);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted publishing to " + topic, ie);
                }
            }
        }
    }

    @Override
    public void close() {
        for (String device : retained) {
            try {
                clearInfo(device);
            } catch (RuntimeException e) {
                // a broker that refused the info refuses clearing it too
            }
        }
        try {
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            // closing
        }
    }
}
