package dev.spinetrack.server.bench;

import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.transport.BufferedSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * For {@link ProcessLatencyBenchmark}: a second subscriber to every sample batch on the broker
 * (QoS 0, its own copy), noting when each sample of a batch left the broker
 * ({@link System#nanoTime()} as the message is complete). It splits a frame's latency into
 * the part before the broker (gateway: batching, queue, publish) and the part after it (server:
 * ingest, store, live delivery, WebSocket), since the server gets the same message at the same
 * moment. Sample bundles (several devices' batches in one message, PROTOCOL.md §7.7) are tapped
 * too. Payloads are scanned for their {@code "device":} and {@code "seq":} fields, not parsed, to
 * stay cheap: each seq belongs to the device named last before it.
 */
final class BrokerTap implements AutoCloseable {

    private final MqttClient client;
    private final Map<String, Map<Long, Long>> left = new HashMap<>();
    private volatile boolean recording;

    BrokerTap(String broker) throws MqttException {
        client = new MqttClient(broker, "bench-tap-" + ProcessHandle.current().pid(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSocketFactory(new BufferedSocketFactory());
        client.connect(o);
        IMqttMessageListener listener = (topic, message) -> {
            long now = System.nanoTime();
            if (recording) {
                note(topic, message.getPayload(), now);
            }
        };
        client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.ALL_SAMPLES, 0),
            new MqttSubscription(Topics.ALL_BUNDLES, 0)}, new IMqttMessageListener[] {listener, listener});
    }

    void recording(boolean on) {
        recording = on;
    }

    private synchronized void note(String topic, byte[] payload, long nanos) {
        String s = new String(payload, StandardCharsets.UTF_8);
        // a batch names its device before its samples (the records' member order); a bundle's
        // topic names no device, a batch's topic does
        Topics.TopicAddress a = Topics.parse(topic).orElse(null);
        String device = a == null ? null : a.device();
        int nextDevice = s.indexOf("\"device\":\"");
        for (int i = s.indexOf("\"seq\":"); i >= 0; i = s.indexOf("\"seq\":", i + 6)) {
            while (nextDevice >= 0 && nextDevice < i) {
                int from = nextDevice + 10;
                device = s.substring(from, s.indexOf('"', from));
                nextDevice = s.indexOf("\"device\":\"", from);
            }
            if (device == null) {
                continue;
            }
            Map<Long, Long> seqs = left.computeIfAbsent(device, d -> new HashMap<>());
            int j = i + 6;
            long v = 0;
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                v = v * 10 + (s.charAt(j++) - '0');
            }
            seqs.putIfAbsent(v, nanos);
        }
    }

    /** When the sample left the broker (nanoTime), or null when the tap did not see it while recording. */
    synchronized Long left(String device, long seq) {
        Map<Long, Long> seqs = left.get(device);
        return seqs == null ? null : seqs.get(seq);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
