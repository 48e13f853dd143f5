package dev.spinetrack.gateway.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A QoS 1 subscriber on one gateway's topics with a persistent session, so it misses nothing
 * across a broker restart. Keeps samples per device deduplicated by seq (delivery is at least
 * once), counts the duplicates, and records out-of-order arrivals.
 */
public final class SampleSubscriber implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final MqttClient client;
    private final String filter;
    private final Map<String, NavigableMap<Long, Sample>> samples = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
    private final Map<String, String> retained = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicLong duplicates = new AtomicLong();

    public SampleSubscriber(String url, String gateway) throws MqttException {
        this.filter = "spinetrack/v1/" + gateway + "/#";
        this.client = new MqttClient(url, "it-sub-" + gateway, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                take(topic, m);
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
                if (reconnect) {
                    new Thread(() -> subscribe(), "it-resubscribe").start();
                }
            }

            @Override
            public void authPacketArrived(int code, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(600L);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 1);
        client.connect(o);
        subscribe();
    }

    private void subscribe() {
        try {
            client.subscribe(filter, 1);
        } catch (MqttException e) {
            problems.add("subscribe failed: " + e);
        }
    }

    private void take(String topic, MqttMessage m) {
        try {
            if (topic.endsWith("/samples")) {
                SampleBatch b = json.readValue(m.getPayload(), SampleBatch.class);
                NavigableMap<Long, Sample> map = samples.computeIfAbsent(b.device(), d -> new ConcurrentSkipListMap<>());
                for (Sample s : b.samples()) {
                    if (map.putIfAbsent(s.seq(), s) != null) {
                        duplicates.incrementAndGet();
                        continue;
                    }
                    Long last = lastSeq.get(b.device());
                    if (last != null && s.seq() < last) {
                        problems.add("device " + b.device() + ": new seq " + s.seq() + " arrived after " + last);
                    }
                    lastSeq.merge(b.device(), s.seq(), Math::max);
                }
            } else {
                retained.put(topic, new String(m.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            problems.add("unreadable message on " + topic + ": " + e);
        }
    }

    /** Distinct samples of a device by seq. */
    public NavigableMap<Long, Sample> samples(String device) {
        return samples.getOrDefault(device, new ConcurrentSkipListMap<>());
    }

    public List<String> devices() {
        return new ArrayList<>(samples.keySet());
    }

    public long total() {
        return samples.values().stream().mapToLong(Map::size).sum();
    }

    /** The last payload on a non-sample topic (retained info and status). */
    public String last(String topic) {
        return retained.get(topic);
    }

    public GatewayStatus gatewayStatus(String topic) throws IOException {
        String s = retained.get(topic);
        return s == null ? null : json.readValue(s, GatewayStatus.class);
    }

    /** Out-of-order arrivals and unreadable messages. */
    public List<String> problems() {
        return problems;
    }

    public long duplicates() {
        return duplicates.get();
    }

    @Override
    public void close() throws MqttException {
        try {
            // leave no retained state of a test gateway behind on a shared broker
            for (String topic : retained.keySet()) {
                client.publish(topic, new byte[0], 1, true);
            }
            client.disconnect();
        } catch (MqttException e) {
            // the broker may be gone already
        }
        client.close(true);
    }
}
