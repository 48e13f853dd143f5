package dev.spinetrack.gateway.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayStats;
import dev.spinetrack.gateway.ble.sim.SimulatedCentral;
import dev.spinetrack.gateway.mqtt.DeliverySettings;
import dev.spinetrack.gateway.testing.ScriptedPeripheral;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.SampleBundle;
import dev.spinetrack.protocol.mqtt.StoredBundle;
import dev.spinetrack.protocol.mqtt.StoredConfirmation;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.testing.Await;
import dev.spinetrack.testing.Brokers;
import dev.spinetrack.testing.TestBroker;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sample bundles (PROTOCOL.md §7.7) over a real broker: the gateway bundles only for a server
 * whose confirmations say it reads bundles, and every sample still arrives and is confirmed. The
 * server here is a stand-in that speaks the protocol from its specification (the real server's
 * side is tested in app-server, and the two together by the delivery fault suite).
 */
class SampleBundleIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int DEVICES = 6;
    private static final int FRAMES = 1000;

    @TempDir
    Path dir;

    @Test
    void aServerThatReadsBundlesGetsBundlesAndEverySample() throws Exception {
        Result r = run(true, "it-bundle");
        // how many batches a bundle carries depends on the load (bundles wait for more only while
        // a publication is on its way), but never fewer than two, nor more than --bundle-max
        assertTrue(r.bundles > 0, "bundles published: " + r.bundles);
        assertTrue(r.smallest >= 2, "a lone batch goes on its device's topic, not in a bundle: " + r.smallest);
        assertTrue(r.largest <= 50, "at most --bundle-max batches in a bundle: " + r.largest);
    }

    @Test
    void aServerThatDoesNotSayItReadsBundlesGetsNone() throws Exception {
        Result r = run(false, "it-nobundle");
        assertEquals(0, r.bundles, "no bundle for a server that never said it reads them");
    }

    private static String address(int i) {
        return String.format("C0:FF:EE:00:01:%02X", i);
    }

    private record Result(int bundles, int bundledBatches, int singleBatches, int smallest, int largest) {
    }

    private Result run(boolean serverReadsBundles, String prefix) throws Exception {
        String gw = ItSupport.uniqueGateway(prefix);
        List<ScriptedPeripheral> racks = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            racks.add(new ScriptedPeripheral(address(i), "rack-" + i, -40, 0, FRAMES, 2, 20));
        }
        try (TestBroker broker = Brokers.shared(dir.resolve("broker"));
             ConfirmingServer server = new ConfirmingServer(broker.url(), gw, serverReadsBundles);
             Gateway g = Gateway.start(ItSupport.config(gw, broker.url(), dir.resolve("queue"))
                             .withDelivery(DeliverySettings.defaults().withBundles(50, Duration.ofMillis(10))),
                     new SimulatedCentral(() -> List.copyOf(racks), () -> { }))) {
            Await.until(WAIT, () -> racks.stream().allMatch(ScriptedPeripheral::finished)
                            && server.seqs.values().stream().mapToInt(Set::size).sum() == DEVICES * FRAMES,
                    () -> server.seqs.values().stream().mapToInt(Set::size).sum() + " of " + DEVICES * FRAMES
                            + " samples; " + g.stats());
            Await.until(WAIT, () -> g.stats().queueDepth() == 0, () -> "every batch confirmed: " + g.stats());
            GatewayStats s = g.stats();
            assertEquals(DEVICES * FRAMES, s.samplesIn());
            assertEquals(DEVICES * FRAMES, s.samplesOut(), "every sample left the queue on a confirmation");
            for (int i = 0; i < DEVICES; i++) {
                String device = Topics.deviceIdOf(address(i));
                assertEquals(FRAMES, server.seqs.get(device).size(), device);
            }
            assertEquals(List.of(), server.problems);
            System.out.printf("%s: %d bundles carried %d batches (%d to %d each), %d batches alone%n", gw,
                    server.bundles.get(), server.bundledBatches.get(), server.smallest.get(), server.largest.get(),
                    server.singleBatches.get());
            return new Result(server.bundles.get(), server.bundledBatches.get(), server.singleBatches.get(),
                    server.smallest.get(), server.largest.get());
        }
    }

    /**
     * Reads the gateway's batches, alone and bundled, and confirms each as §7.6 and §7.7 say: a
     * batch that came alone on its device's topic, a bundle's batches in one stored bundle.
     */
    private static final class ConfirmingServer implements AutoCloseable {
        private final ObjectMapper json = new ObjectMapper();
        private final MqttClient client;
        private final boolean readsBundles;
        final Map<String, Set<Long>> seqs = new ConcurrentHashMap<>();
        final List<String> problems = new CopyOnWriteArrayList<>();
        final AtomicInteger bundles = new AtomicInteger();
        final AtomicInteger bundledBatches = new AtomicInteger();
        final AtomicInteger singleBatches = new AtomicInteger();
        final AtomicInteger smallest = new AtomicInteger(Integer.MAX_VALUE);
        final AtomicInteger largest = new AtomicInteger();
        private final java.util.concurrent.ExecutorService confirmer = java.util.concurrent.Executors.newSingleThreadExecutor();

        ConfirmingServer(String url, String gateway, boolean readsBundles) throws MqttException {
            this.readsBundles = readsBundles;
            this.client = new MqttClient(url, "it-confirming-" + gateway, new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            String bundleTopic = Topics.bundle(gateway);
            // a callback, not per-filter listeners: Paho 1.2.5's MqttClient.subscribe(String, int,
            // listener) calls itself until the stack overflows
            client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
                @Override
                public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage m) {
                    try {
                        if (topic.equals(bundleTopic)) {
                            bundle(gateway, json.readValue(m.getPayload(), SampleBundle.class));
                        } else {
                            SampleBatch b = json.readValue(m.getPayload(), SampleBatch.class);
                            singleBatches.incrementAndGet();
                            take(b);
                            publish(Topics.stored(gateway, b.device()), confirmation(b));
                        }
                    } catch (Exception e) {
                        problems.add("reading " + topic + ": " + e);
                    }
                }

                @Override
                public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {
                }

                @Override
                public void mqttErrorOccurred(MqttException e) {
                }

                @Override
                public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken t) {
                }

                @Override
                public void connectComplete(boolean reconnect, String uri) {
                }

                @Override
                public void authPacketArrived(int code, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {
                }
            });
            client.connect(o);
            client.subscribe(new String[] {Topics.ROOT + "/" + gateway + "/+/samples", bundleTopic}, new int[] {1, 1});
        }

        private void bundle(String gateway, SampleBundle bundle) throws Exception {
            if (!readsBundles) {
                problems.add("a bundle came though the server never said it reads them");
            }
            bundles.incrementAndGet();
            bundledBatches.addAndGet(bundle.batches().size());
            smallest.accumulateAndGet(bundle.batches().size(), Math::min);
            largest.accumulateAndGet(bundle.batches().size(), Math::max);
            List<StoredConfirmation> cs = new ArrayList<>();
            for (SampleBatch b : bundle.batches()) {
                take(b);
                cs.add(confirmation(b));
            }
            publish(Topics.storedBundle(gateway), json.writeValueAsBytes(StoredBundle.of(gateway, cs)));
        }

        private void take(SampleBatch b) {
            Set<Long> s = seqs.computeIfAbsent(b.device(), d -> ConcurrentHashMap.newKeySet());
            b.samples().forEach(x -> s.add(x.seq()));
        }

        private StoredConfirmation confirmation(SampleBatch b) {
            return StoredConfirmation.of(b.gateway(), b.device(), b.boot(), List.of(new long[] {b.firstSeq(), b.lastSeq()}))
                    .withBundles(readsBundles);
        }

        private byte[] confirmationBytes(StoredConfirmation c) throws Exception {
            return json.writeValueAsBytes(c);
        }

        private void publish(String topic, Object payload) {
            // one thread of its own, one publication at a time: Paho's callback thread must not
            // wait for its own PUBACKs, and a sync client has a small in-flight window
            confirmer.execute(() -> {
                try {
                    byte[] bytes = payload instanceof byte[] b ? b : confirmationBytes((StoredConfirmation) payload);
                    for (int attempt = 1; ; attempt++) {
                        try {
                            client.publish(topic, bytes, 1, false);
                            break;
                        } catch (MqttException e) {
                            // Paho counts a publication in flight a little past its PUBACK (the
                            // broker allows 10 here): wait for the window, as the real server does
                            if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt == 1000) {
                                throw e;
                            }
                            Thread.sleep(5);
                        }
                    }
                } catch (Exception e) {
                    problems.add("confirming on " + topic + ": " + e);
                }
            });
        }

        @Override
        public void close() throws MqttException {
            confirmer.shutdownNow();
            client.disconnect();
            client.close();
        }
    }
}
