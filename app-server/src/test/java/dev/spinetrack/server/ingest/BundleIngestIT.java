package dev.spinetrack.server.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.SampleBundle;
import dev.spinetrack.protocol.mqtt.StoredBundle;
import dev.spinetrack.protocol.mqtt.StoredConfirmation;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.testing.IngestRig;
import dev.spinetrack.server.testing.TestPublisher;
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
 * Sample bundles (PROTOCOL.md §7.7) over a real broker into a real database, read back as a
 * gateway reads its confirmations: every batch of a bundle is stored once however often the
 * bundle comes, and is confirmed in a stored bundle on {@code spinetrack/v1/{gateway}/stored};
 * a batch on its device's topic is still confirmed there; every confirmation says the server
 * reads bundles.
 */
class BundleIngestIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String[] DEVICES = {"c0ffee00b001", "c0ffee00b002", "c0ffee00b003"};
    private static TestBroker broker;
    private final ObjectMapper json = new ObjectMapper();
    private final List<StoredBundle> bundles = Collections.synchronizedList(new ArrayList<>());
    private final List<StoredConfirmation> perDevice = Collections.synchronizedList(new ArrayList<>());
    private IngestRig rig;
    private TestPublisher publisher;
    private IngestCounters counters;
    private MqttClient gatewaySide;
    private long nextSeq;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.shared();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void start() throws MqttException {
        rig = IngestRig.start(broker, "it-bundle");
        publisher = rig.publisher();
        counters = rig.counters();
        // what a bundling gateway subscribes to: its devices' confirmations and its stored bundles
        gatewaySide = new MqttClient(broker.url(), "it-bundle-gw-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        gatewaySide.connect(o);
        IMqttMessageListener onBundle = (topic, m) -> bundles.add(json.readValue(m.getPayload(), StoredBundle.class));
        IMqttMessageListener onDevice = (topic, m) ->
                perDevice.add(json.readValue(m.getPayload(), StoredConfirmation.class));
        // the (String, int, listener) overload recurses into itself in this Paho version
        gatewaySide.subscribe(new MqttSubscription[] {
            new MqttSubscription(Topics.storedBundle(publisher.gateway()), 1),
            new MqttSubscription(Topics.storedFilter(publisher.gateway()), 1)},
                new IMqttMessageListener[] {onBundle, onDevice});
    }

    @AfterEach
    void stop() throws MqttException {
        gatewaySide.disconnect();
        gatewaySide.close();
        rig.close();
    }

    private SampleBatch batch(String gateway, String device, int samples) {
        long now = System.currentTimeMillis();
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long seq = nextSeq++;
            out.add(new Sample(seq, now + seq * 20, 1.5, -2.0, new double[] {0.5 * i, 12.25, 0}, 80));
        }
        return SampleBatch.of(gateway, device, nextSeq, now, out);
    }

    private void publishBundle(List<SampleBatch> batches) {
        try {
            publisher.raw(Topics.bundle(publisher.gateway()),
                    json.writeValueAsString(SampleBundle.of(publisher.gateway(), batches)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<StoredConfirmation> bundledConfirmations() {
        List<StoredConfirmation> out = new ArrayList<>();
        synchronized (bundles) {
            bundles.forEach(b -> out.addAll(b.confirmations()));
        }
        return out;
    }

    private boolean confirmedInBundles(SampleBatch b) {
        return bundledConfirmations().stream().anyMatch(c -> c.device().equals(b.device())
                && c.covers(b.boot(), b.firstSeq(), b.lastSeq()));
    }

    @Test
    void everyBatchOfABundleIsStoredOnceAndConfirmedInAStoredBundle() {
        List<SampleBatch> batches = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String device : DEVICES) {
                batches.add(batch(publisher.gateway(), device, 25 + round));
            }
        }
        int n = batches.stream().mapToInt(b -> b.samples().size()).sum();
        publishBundle(batches);
        Await.until("every sample of the bundle stored", LIMIT, () -> counters.storedSamples() == n);
        Await.until("every batch confirmed in a stored bundle", LIMIT,
                () -> batches.stream().allMatch(this::confirmedInBundles), bundles::toString);

        publishBundle(batches); // a redelivery, or the gateway sending it again after a lost confirmation
        Await.until("the second copy seen as duplicates", LIMIT, () -> counters.duplicateSamples() == n);
        assertEquals(n, counters.storedSamples(), "stored once");
        Await.until("the second copy confirmed too", LIMIT, () -> bundledConfirmations().stream()
                .mapToInt(c -> c.ranges().size()).sum() == 2 * batches.size(), bundles::toString);

        for (StoredBundle b : bundles) {
            assertEquals(publisher.gateway(), b.gateway());
            assertTrue(b.confirmations().stream().allMatch(StoredConfirmation::bundles), "says it reads bundles: " + b);
        }
        assertTrue(perDevice.isEmpty(), "bundled batches are not confirmed on device topics: " + perDevice);
        assertEquals(0, counters.badMessages());
    }

    @Test
    void aBatchOfAnotherGatewayInABundleIsRefusedAndConfirmedTheOthersStored() {
        SampleBatch good = batch(publisher.gateway(), DEVICES[0], 10);
        SampleBatch foreign = batch("gw-someone-else", DEVICES[1], 10);
        SampleBatch alsoGood = batch(publisher.gateway(), DEVICES[2], 10);
        // SampleBundle refuses a foreign batch by construction, so the bundle is written by hand
        String payload;
        try {
            payload = "{\"v\":1,\"gateway\":\"" + publisher.gateway() + "\",\"batches\":[" + json.writeValueAsString(good)
                    + "," + json.writeValueAsString(foreign) + "," + json.writeValueAsString(alsoGood) + "]}";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        publisher.raw(Topics.bundle(publisher.gateway()), payload);
        Await.until("the good batches stored", LIMIT, () -> counters.storedSamples() == 20);
        Await.until("all three confirmed, the refused one so that the gateway stops sending it", LIMIT,
                () -> confirmedInBundles(good) && confirmedInBundles(foreign) && confirmedInBundles(alsoGood),
                bundles::toString);
        assertEquals(1, counters.badMessages(), "the foreign batch, counted once");
    }

    @Test
    void aBatchOnItsDeviceTopicIsStillConfirmedThereSayingBundles() {
        SampleBatch b = batch(publisher.gateway(), DEVICES[0], 30);
        publisher.batch(b.device(), b.samples());
        Await.until("the batch stored", LIMIT, () -> counters.storedSamples() == 30);
        Await.until("its confirmation on the device topic", LIMIT, () -> {
            synchronized (perDevice) {
                return perDevice.stream().anyMatch(c -> c.covers(0, b.firstSeq(), b.lastSeq()));
            }
        }, perDevice::toString);
        synchronized (perDevice) {
            assertTrue(perDevice.stream().allMatch(StoredConfirmation::bundles), perDevice.toString());
        }
        assertTrue(bundles.isEmpty(), "nothing came in a bundle: " + bundles);
    }
}
