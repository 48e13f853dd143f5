package dev.spinetrack.server.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.SampleBundle;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.ingest.SampleIdentity;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the broker carried: every sample batch any gateway published, alone on its device's topic
 * or in a sample bundle, seen on the broker by a plain (not shared) subscriber that reconnects
 * after a broker restart, keyed by sample identity; plus the devices' info and the gateways'
 * status. Written apart from the server.
 */
final class StreamObserver implements MqttCallback, AutoCloseable {

    private final java.util.concurrent.atomic.AtomicLong bundles = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong bundled = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong alone = new java.util.concurrent.atomic.AtomicLong();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttClient client;
    private final Map<String, NavigableMap<Long, Sample>> samples = new ConcurrentHashMap<>();
    private final Map<String, DeviceInfo> infos = new ConcurrentHashMap<>();
    private final Map<String, GatewayStatus> gateways = new ConcurrentHashMap<>();
    private volatile long conflicts;

    StreamObserver(String brokerUrl) throws MqttException {
        client = new MqttClient(brokerUrl, "fault-suite-observer-" + ProcessHandle.current().pid(), new MemoryPersistence());
        client.setCallback(this);
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 2);
        client.connect(o);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        new Thread(() -> {
            try {
                // samples too, for diagnosis only: the suite's record of what was produced is the Journal
                client.subscribe(new String[] {Topics.ALL_SAMPLES, Topics.ALL_BUNDLES, Topics.ALL_INFO,
                    Topics.ALL_GATEWAY_STATUS}, new int[] {1, 1, 1, 1});
            } catch (MqttException e) {
                System.err.println("observer: subscribe failed: " + e.getMessage());
            }
        }, "observer-subscribe").start();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws Exception {
        Topics.TopicAddress a = Topics.parse(topic).orElse(null);
        if (a == null || message.getPayload().length == 0) {
            return;
        }
        switch (a.kind()) {
            case SAMPLES -> {
                alone.incrementAndGet();
                seen(JSON.readValue(message.getPayload(), SampleBatch.class));
            }
            case SAMPLE_BUNDLE -> {
                // a gateway bundles once the server's confirmations say it reads bundles
                List<SampleBatch> batches = JSON.readValue(message.getPayload(), SampleBundle.class).batches();
                bundles.incrementAndGet();
                bundled.addAndGet(batches.size());
                for (SampleBatch b : batches) {
                    seen(b);
                }
            }
            case INFO -> infos.put(a.device(), JSON.readValue(message.getPayload(), DeviceInfo.class));
            case GATEWAY_STATUS -> gateways.put(a.gateway(), JSON.readValue(message.getPayload(), GatewayStatus.class));
            default -> {
            }
        }
    }

    /** Sample bundles seen, the batches in them, and batches seen alone on a device's topic, so far. */
    long[] wireCounts() {
        return new long[] {bundles.get(), bundled.get(), alone.get()};
    }

    private void seen(SampleBatch b) {
        NavigableMap<Long, Sample> m = samples.computeIfAbsent(b.device(), d -> new TreeMap<>());
        synchronized (m) {
            for (Sample s : b.samples()) {
                Sample before = m.putIfAbsent(SampleIdentity.position(b.boot(), s.seq()), s);
                if (before != null && !sameContent(before, s)) {
                    conflicts++;
                }
            }
        }
    }

    static boolean sameContent(Sample a, Sample b) {
        return a.t() == b.t() && a.pitch() == b.pitch() && a.roll() == b.roll() && Arrays.equals(a.p(), b.p())
                && java.util.Objects.equals(a.battery(), b.battery());
    }

    /** Samples seen per device id starting with {@code prefix}, by position. */
    Map<String, NavigableMap<Long, Sample>> samples(String prefix) {
        Map<String, NavigableMap<Long, Sample>> out = new TreeMap<>();
        samples.forEach((d, m) -> {
            if (d.startsWith(prefix)) {
                synchronized (m) {
                    out.put(d, new TreeMap<>(m));
                }
            }
        });
        return out;
    }

    long produced(String prefix) {
        return samples(prefix).values().stream().mapToLong(Map::size).sum();
    }

    DeviceInfo info(String device) {
        return infos.get(device);
    }

    GatewayStatus gateway(String id) {
        return gateways.get(id);
    }

    /** Identities seen twice with different content: a gateway bug, never expected. */
    long conflicts() {
        return conflicts;
    }

    @Override
    public void disconnected(MqttDisconnectResponse r) {
    }

    @Override
    public void mqttErrorOccurred(MqttException e) {
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }

    @Override
    public void close() {
        try {
            client.disconnect(1000);
            client.close(true);
        } catch (MqttException e) {
            // closing
        }
    }
}
