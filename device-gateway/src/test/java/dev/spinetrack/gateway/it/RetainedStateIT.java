package dev.spinetrack.gateway.it;

import dev.spinetrack.gateway.mqtt.MqttOutbox;
import dev.spinetrack.gateway.mqtt.MqttSettings;
import dev.spinetrack.gateway.queue.DurableQueue;
import dev.spinetrack.gateway.queue.FsyncPolicy;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.testing.Await;
import dev.spinetrack.testing.Brokers;
import dev.spinetrack.testing.TestBroker;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A gateway's retained state (each device's info and link status) reaches the broker in its
 * latest form even when there is more of it than the broker lets be in flight at once (HiveMQ
 * allows 10, Mosquitto 20) and batches compete for the same window: a device whose ONLINE status
 * was refused by a full window once stayed without a state on the dashboard until the next
 * reconnect.
 */
class RetainedStateIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int DEVICES = 300;
    private static final int BATCHES = 3_000;

    @TempDir
    Path dir;

    @Test
    void everyDevicesLatestStateReachesTheBrokerWhileBatchesFillTheWindow() throws Exception {
        String gw = ItSupport.uniqueGateway("it-retained");
        Map<String, String> seen = new ConcurrentHashMap<>();
        try (TestBroker broker = Brokers.shared(dir.resolve("broker"));
             DurableQueue queue = DurableQueue.open(dir.resolve("queue"), 256L * 1024 * 1024, 16L * 1024 * 1024,
                     FsyncPolicy.NEVER)) {
            MqttClient watcher = new MqttClient(broker.url(), "watch-" + gw, new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            watcher.connect(o);
            watcher.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[]{
                    new org.eclipse.paho.mqttv5.common.MqttSubscription(Topics.deviceStatus(gw, device(0)).replace(device(0), "+"), 1)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[]{(topic, m) ->
                            seen.put(topic, new String(m.getPayload(), StandardCharsets.UTF_8))});
            byte[] batch = new byte[512];
            for (int i = 0; i < BATCHES; i++) {
                queue.append(Topics.samples(gw, device(DEVICES)), batch, 2);
            }
            MqttOutbox outbox = new MqttOutbox(new MqttSettings(broker.url(), "spinetrack-gateway-" + gw, null, null,
                    null, null, Topics.gatewayStatus(gw), "{\"state\":\"LOST\"}".getBytes(StandardCharsets.UTF_8)), queue);
            try {
                // a gateway starting with its devices known: all their state is due at the first connect
                for (int d = 0; d < DEVICES; d++) {
                    outbox.retain(Topics.deviceStatus(gw, device(d)), state(d, "ONLINE"));
                }
                outbox.start();
                Await.until("every device ONLINE at the broker", WAIT, () -> latest(seen, gw, "ONLINE") == DEVICES,
                        () -> latest(seen, gw, "ONLINE") + " of " + DEVICES + " ONLINE");
                // then each changes while the window is still busy with batches
                for (int d = 0; d < DEVICES; d++) {
                    outbox.retain(Topics.deviceStatus(gw, device(d)), state(d, "LOST"));
                }
                Await.until("every device's change at the broker", WAIT, () -> latest(seen, gw, "LOST") == DEVICES,
                        () -> latest(seen, gw, "LOST") + " of " + DEVICES + " LOST; the rest " + sample(seen, gw));
                assertEquals(DEVICES, latest(seen, gw, "LOST"));
            } finally {
                outbox.close();
                watcher.disconnect();
                watcher.close();
            }
        }
    }

    private static String device(int d) {
        return String.format("c0ffee%06x", d);
    }

    private static byte[] state(int d, String state) {
        return ("{\"device\":\"" + device(d) + "\",\"state\":\"" + state + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Devices whose last status seen by the watcher is {@code state}. */
    private static long latest(Map<String, String> seen, String gw, String state) {
        long n = 0;
        for (int d = 0; d < DEVICES; d++) {
            String s = seen.get(Topics.deviceStatus(gw, device(d)));
            if (s != null && s.contains("\"state\":\"" + state + "\"")) {
                n++;
            }
        }
        return n;
    }

    private static String sample(Map<String, String> seen, String gw) {
        Map<String, String> rest = new TreeMap<>();
        for (int d = 0; d < DEVICES && rest.size() < 3; d++) {
            String s = seen.get(Topics.deviceStatus(gw, device(d)));
            if (s == null || !s.contains("LOST")) {
                rest.put(device(d), s);
            }
        }
        return rest.toString();
    }
}
