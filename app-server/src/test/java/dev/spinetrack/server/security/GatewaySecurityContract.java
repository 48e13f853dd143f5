package dev.spinetrack.server.security;

import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.ingest.IngestCounters;
import dev.spinetrack.server.session.GatewayTrust;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.testing.Await;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.server.testing.TestPublisher;
import io.micronaut.runtime.server.EmbeddedServer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the broker and the server together guarantee about gateways, run against each broker
 * the project supports (the embedded HiveMQ with its extension, Mosquitto with the documented
 * password file and ACL): unregistered clients cannot connect, a registered gateway publishes
 * only under its own id and reads no samples, and forged or implausible data never reaches
 * storage. Two accounts, alice and bob, each with a registered gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GatewaySecurityContract {

    static final Duration LIMIT = Duration.ofSeconds(60);

    /** The server and its broker under test. */
    interface Stack extends AutoCloseable {
        EmbeddedServer server();

        String brokerUrl();

        /** Registers a gateway for a user in the server (and wherever the broker keeps credentials). */
        String register(String user, String gateway) throws Exception;

        @Override
        void close();
    }

    abstract Stack start(Path dir) throws Exception;

    private Stack stack;
    private String gwA;
    private String gwB;
    private String secretA;
    private String secretB;
    private ScenarioSamples.DeviceRun aliceRun;
    private String aliceDevice;
    private static final String BOB_DEVICE = "b0b000000001";
    private static final String FORGED_DEVICE = "f0f000000001";

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        stack = start(dir);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        gwA = "sec-a-" + suffix;
        gwB = "sec-b-" + suffix;
        secretA = stack.register("alice", gwA);
        secretB = stack.register("bob", gwB);
        aliceRun = ScenarioSamples.play("rack-decompression", gwA).get(0);
        aliceDevice = aliceRun.info().device();
        // alice's gateway brings her device: it becomes hers
        try (TestPublisher a = new TestPublisher(stack.brokerUrl(), gwA, gwA, secretA)) {
            a.info(aliceRun.info());
            publishAndAwait(a, aliceDevice, aliceRun.samples().subList(0, 200));
        }
        Await.until("alice owns her gateway's device", LIMIT, () -> sessions().devices("alice").size() == 1);
    }

    @AfterAll
    void tearDown() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anUnregisteredClientCannotConnect() {
        assertRefused(null, null);
        assertRefused("intruder", "whatever");
        assertRefused(gwA, "stg_wrong");
        assertRefused(gwA, secretB); // another gateway's secret
        assertRefused(null, secretA);
    }

    @Test
    void aGatewayPublishesOnlyUnderItsOwnIdAndReadsNoSamples() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> refusals = new CopyOnWriteArrayList<>();
        MqttClient spy = connect(gwA, secretA);
        try {
            for (String filter : new String[]{"spinetrack/v1/#", Topics.ROOT + "/+/+/samples", Topics.ALL_BUNDLES,
                    Topics.storedBundle(gwB), Topics.ROOT + "/" + gwB + "/#", "#"}) {
                try {
                    // A broker may refuse the subscription (HiveMQ: SUBACK 0x87) or grant it and
                    // deliver nothing the ACL forbids; what counts is what arrives (below).
                    IMqttToken t = spy.subscribe(new MqttSubscription[]{new MqttSubscription(filter, 1)},
                            new org.eclipse.paho.mqttv5.client.IMqttMessageListener[]{(topic, m) -> seen.add(topic)});
                    refusals.add(filter + " -> " + java.util.Arrays.toString(t.getReasonCodes()));
                } catch (MqttException refused) {
                    // refused outright: as good
                }
            }
            // alice's gateway forges bob's gateway: nothing may arrive
            try (TestPublisher asA = new TestPublisher(stack.brokerUrl(), gwB, gwA, secretA)) {
                try {
                    asA.info(renamed(aliceRun.info(), gwB, FORGED_DEVICE));
                    asA.batch(FORGED_DEVICE, aliceRun.samples().subList(0, 50));
                    asA.raw(Topics.bundle(gwB), bundle(gwB, FORGED_DEVICE, aliceRun.samples().subList(50, 60)));
                } catch (RuntimeException refusedByBroker) {
                    // an MQTT 5 broker may answer NOT_AUTHORIZED; either way nothing must be stored
                }
            }
            // bob's own gateway sends a real batch; once the server stored it, the forgery (sent
            // earlier) would have been stored too, and the spy would have seen bob's samples
            try (TestPublisher b = new TestPublisher(stack.brokerUrl(), gwB, gwB, secretB)) {
                b.info(renamed(aliceRun.info(), gwB, BOB_DEVICE));
                publishAndAwait(b, BOB_DEVICE, aliceRun.samples().subList(0, 100));
            }
            assertTrue(sessions().devices("bob").stream().noneMatch(d -> d.id().equals(FORGED_DEVICE)),
                    "the forged device was not created for bob");
            assertTrue(sessions().devices("alice").stream().noneMatch(d -> d.id().equals(FORGED_DEVICE)),
                    "nor for alice");
            assertEquals(List.of(), seen, "alice's gateway read none of bob's messages; subscriptions " + refusals);
        } finally {
            spy.disconnect();
            spy.close();
        }
    }

    @Test
    void forgedAndImplausibleDataNeverReachStorage() throws Exception {
        String device = aliceDevice;
        long before = stored();
        double foreign = trust().refusedCount("foreign-device");
        // bob's registered gateway sends samples for alice's device under its own id
        try (TestPublisher b = new TestPublisher(stack.brokerUrl(), gwB, gwB, secretB)) {
            b.batch(device, aliceRun.samples().subList(200, 400));
        }
        Await.until("the foreign batch is refused", LIMIT, () -> trust().refusedCount("foreign-device") > foreign);
        assertEquals(before, stored(), "nothing of bob's gateway stored for alice's device");
        // the same in a sample bundle (PROTOCOL.md §7.7): checked batch by batch, refused alike
        double foreignBeforeBundle = trust().refusedCount("foreign-device");
        try (TestPublisher b = new TestPublisher(stack.brokerUrl(), gwB, gwB, secretB)) {
            b.raw(Topics.bundle(gwB), bundle(gwB, device, aliceRun.samples().subList(400, 450)));
        }
        Await.until("the foreign batch in a bundle is refused", LIMIT,
                () -> trust().refusedCount("foreign-device") > foreignBeforeBundle);
        assertEquals(before, stored(), "nothing of bob's bundle stored for alice's device");
        // alice's own gateway, gone wrong: a seq jump of a trillion, a timestamp years away,
        // a pressure no sensor reads; then a good batch as the marker that all was processed
        List<Sample> next = aliceRun.samples().subList(200, 203);
        Sample base = next.get(0);
        List<Sample> bad = List.of(
                new Sample(base.seq() + 1, base.t() - 10L * 366 * 24 * 3600 * 1000, base.pitch(), base.roll(),
                        base.p(), null),
                new Sample(base.seq() + 2, base.t(), base.pitch(), base.roll(), filled(base.p().length, 1e9), null),
                new Sample(1_000_000_000_000L, base.t(), base.pitch(), base.roll(), base.p(), null));
        try (TestPublisher a = new TestPublisher(stack.brokerUrl(), gwA, gwA, secretA)) {
            for (Sample s : bad) {
                a.batch(device, List.of(s)); // one per batch: a batch's seqs must ascend
            }
            publishAndAwait(a, device, aliceRun.samples().subList(203, 300));
        }
        assertEquals(before + 97, stored(), "only the good batch was stored");
    }

    private static double[] filled(int n, double v) {
        double[] p = new double[n];
        java.util.Arrays.fill(p, v);
        return p;
    }

    private void publishAndAwait(TestPublisher p, String device, List<Sample> samples) {
        long target = stored() + samples.size();
        p.batch(device, samples);
        Await.until(samples.size() + " samples stored", LIMIT, () -> stored() >= target);
    }

    /** The same device description under another gateway and device id. */
    static DeviceInfo renamed(DeviceInfo i, String gateway, String device) {
        return new DeviceInfo(i.v(), gateway, device, i.name(), i.kind(), i.firmware(), i.minRateHz(), i.maxRateHz(),
                i.rateHz(), i.unit(), i.contactThreshold(), i.cells());
    }

    private void assertRefused(String user, String password) {
        assertThrows(MqttException.class, () -> {
            MqttClient c = connect(user, password);
            c.disconnect();
            c.close();
        }, "connection as " + user + " refused");
    }

    private MqttClient connect(String user, String password) throws MqttException {
        MqttClient c = new MqttClient(stack.brokerUrl(), "sec-it-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setConnectionTimeout(10);
        if (user != null) {
            o.setUserName(user);
        }
        if (password != null) {
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            c.connect(o);
        } catch (MqttException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private long stored() {
        return stack.server().getApplicationContext().getBean(IngestCounters.class).storedSamples();
    }

    private SessionService sessions() {
        return stack.server().getApplicationContext().getBean(SessionService.class);
    }

    private GatewayTrust trust() {
        return stack.server().getApplicationContext().getBean(GatewayTrust.class);
    }


    /** A sample bundle of one batch, as a gateway would publish it. */
    private static String bundle(String gateway, String device, List<Sample> samples) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(dev.spinetrack.protocol.mqtt.SampleBundle
                .of(gateway, List.of(dev.spinetrack.protocol.mqtt.SampleBatch.of(gateway, device, 1,
                        System.currentTimeMillis(), samples))));
    }
}
