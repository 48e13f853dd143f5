package dev.spinetrack.server.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The undisturbed run of the same samples: every sample the observer saw, published once, in
 * order, as gateway {@code replay}, to a server of its own with its own database.
 */
final class Replay {

    static final String GATEWAY = "replay";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_BATCH = 500;

    private Replay() {
    }

    static void publish(String brokerUrl, Map<String, NavigableMap<Long, Sample>> samples,
                        Map<String, DeviceInfo> infos) throws Exception {
        MqttClient c = new MqttClient(brokerUrl, "fault-suite-replay-" + ProcessHandle.current().pid(),
                new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        c.connect(o);
        try {
            for (Map.Entry<String, DeviceInfo> e : infos.entrySet()) {
                ObjectNode info = JSON.valueToTree(e.getValue());
                info.put("gateway", GATEWAY);
                c.publish(Topics.info(GATEWAY, e.getKey()), JSON.writeValueAsBytes(info), 1, true);
            }
            long batch = 0;
            for (Map.Entry<String, NavigableMap<Long, Sample>> d : samples.entrySet()) {
                List<Sample> chunk = new ArrayList<>();
                long boot = -1;
                for (Map.Entry<Long, Sample> s : d.getValue().entrySet()) {
                    long b = dev.spinetrack.protocol.mqtt.SamplePosition.boot(s.getKey());
                    if ((b != boot && !chunk.isEmpty()) || chunk.size() >= PER_BATCH) {
                        send(c, d.getKey(), boot, ++batch, chunk);
                        chunk = new ArrayList<>();
                    }
                    boot = b;
                    chunk.add(s.getValue());
                }
                if (!chunk.isEmpty()) {
                    send(c, d.getKey(), boot, ++batch, chunk);
                }
            }
        } finally {
            c.disconnect();
            c.close();
        }
    }

    private static void send(MqttClient c, String device, long boot, long batch, List<Sample> chunk)
            throws MqttException, com.fasterxml.jackson.core.JsonProcessingException {
        SampleBatch b = SampleBatch.of(GATEWAY, device, boot, batch, System.currentTimeMillis(), chunk);
        c.publish(Topics.samples(GATEWAY, device), JSON.writeValueAsBytes(b), 1, false);
    }
}
