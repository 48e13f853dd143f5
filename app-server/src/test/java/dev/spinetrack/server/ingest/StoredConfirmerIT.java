package dev.spinetrack.server.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.StoredConfirmation;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.testing.Await;
import dev.spinetrack.testing.TestBroker;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code stored} confirmations over a real broker, read back by a subscriber as a gateway
 * reads them: flushes within the linger share one message per device and boot, nothing noted is
 * left unsent when no further flush comes, and closing sends what waits.
 */
class StoredConfirmerIT {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    /** Long enough that three flushes in a row always fall within it. */
    private static final long LINGER_MS = 3_000;
    private static final String GATEWAY = "gw-confirm-it";
    private static final String DEVICE_A = "c0ffee0000a1";
    private static final String DEVICE_B = "c0ffee0000b2";
    private static TestBroker broker;
    private final List<StoredConfirmation> received = Collections.synchronizedList(new ArrayList<>());
    private MqttClient gateway;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.shared();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void subscribe() throws MqttException {
        gateway = new MqttClient(broker.url(), "it-confirm-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        gateway.connect(o);
        ObjectMapper json = new ObjectMapper();
        IMqttMessageListener listener = (topic, message) ->
                received.add(json.readValue(message.getPayload(), StoredConfirmation.class));
        // the (String, int, listener) overload recurses into itself in this Paho version
        gateway.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.storedFilter(GATEWAY), 1)},
                new IMqttMessageListener[] {listener});
    }

    @AfterEach
    void disconnect() throws MqttException {
        gateway.disconnect();
        gateway.close();
    }

    private StoredConfirmer confirmer() throws MqttException {
        StoredConfirmer c = new StoredConfirmer(broker.url(), "it-confirmer-" + UUID.randomUUID().toString()
                .substring(0, 8), new MqttConnectionOptions(), LINGER_MS);
        Await.until("the confirmer's connection", LIMIT, c::connected);
        return c;
    }

    private static ConfirmKey key(String device, long boot, long first, long last) {
        return new ConfirmKey(GATEWAY, device, boot, first, last);
    }

    private List<String> ranges(String device, long boot) {
        List<String> out = new ArrayList<>();
        synchronized (received) {
            for (StoredConfirmation c : received) {
                if (c.device().equals(device) && c.boot() == boot) {
                    c.ranges().forEach(r -> out.add(r[0] + "-" + r[1]));
                }
            }
        }
        return out;
    }

    private long messages(String device) {
        synchronized (received) {
            return received.stream().filter(c -> c.device().equals(device)).count();
        }
    }

    @Test
    void flushesWithinTheLingerShareOneMessagePerDeviceAndBootAndNoneIsLeftUnsent() throws MqttException {
        try (StoredConfirmer confirmer = confirmer()) {
            confirmer.add(key(DEVICE_A, 1, 0, 1));
            confirmer.flush(); // the first flush sends at once
            Await.until("the first confirmation", LIMIT, () -> ranges(DEVICE_A, 1).equals(List.of("0-1")));

            confirmer.add(key(DEVICE_A, 1, 2, 3));
            confirmer.add(key(DEVICE_B, 0, 10, 11));
            confirmer.flush();
            confirmer.add(key(DEVICE_A, 1, 4, 5));
            confirmer.add(key(DEVICE_A, 2, 0, 1)); // the device rebooted: another stream
            confirmer.flush();
            // no flush comes after these: the linger's timer must send them
            Await.until("the lingering confirmations", LIMIT,
                    () -> ranges(DEVICE_A, 1).size() == 3 && ranges(DEVICE_A, 2).size() == 1
                            && ranges(DEVICE_B, 0).size() == 1, received::toString);
            assertEquals(List.of("0-1", "2-3", "4-5"), ranges(DEVICE_A, 1));
            assertEquals(List.of("0-1"), ranges(DEVICE_A, 2));
            assertEquals(List.of("10-11"), ranges(DEVICE_B, 0));
            assertEquals(3, messages(DEVICE_A), "one at once, then one per boot for the two flushes in the linger: "
                    + received);
            assertEquals(1, messages(DEVICE_B));
            assertEquals(4, confirmer.sent(), "messages published");
        }
    }

    @Test
    void closingSendsWhatTheLingerHolds() throws MqttException {
        StoredConfirmer confirmer = confirmer();
        confirmer.add(key(DEVICE_A, 0, 0, 0));
        confirmer.flush();
        confirmer.add(key(DEVICE_A, 0, 1, 1));
        confirmer.flush(); // held for the linger
        confirmer.close();
        Await.until("both confirmations", LIMIT, () -> ranges(DEVICE_A, 0).size() == 2, received::toString);
        assertTrue(ranges(DEVICE_A, 0).containsAll(List.of("0-0", "1-1")));
    }
}
