package dev.spinetrack.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.ingest.IngestCounters;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Server ingest rate, by hand (not a test): publishes pre-built batches of a rack's samples to
 * a broker (default the local Mosquitto) and measures how fast the server stores and tracks
 * them; meanwhile {@code mosquitto_sub} drains the same topic, for comparison.
 * <pre>
 * java -cp ... dev.spinetrack.server.bench.IngestBenchmark [broker] [batches] [samplesPerBatch]
 * </pre>
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String broker = args.length > 0 ? args[0] : "tcp://127.0.0.1:1883";
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int perBatch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String gateway = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", gateway).get(0);
        String device = run.info().device();
        // pre-built payloads: the scenario's samples repeated with rising seq and time
        ObjectMapper json = new ObjectMapper();
        List<byte[]> payloads = new ArrayList<>();
        List<Sample> src = run.samples();
        long seq = 0;
        long t0 = src.get(0).t();
        for (int b = 0; b < batches; b++) {
            List<Sample> out = new ArrayList<>(perBatch);
            for (int i = 0; i < perBatch; i++) {
                Sample s = src.get((int) (seq % src.size()));
                out.add(new Sample(seq, t0 + seq * 10, s.pitch(), s.roll(), s.p(), s.battery()));
                seq++;
            }
            payloads.add(json.writeValueAsBytes(SampleBatch.of(gateway, device, b, 0, out)));
        }
        long total = (long) batches * perBatch;
        TestDatabase db = TestDatabase.create();
        Map<String, Object> props = TestServer.properties(broker, db, gateway, gateway + "-server");
        EmbeddedServer server = TestServer.start(props);
        IngestCounters counters = server.getApplicationContext().getBean(IngestCounters.class);
        try (TestPublisher info = new TestPublisher(broker, gateway)) {
            info.info(run.info());
            Thread.sleep(1000);
            String topic = Topics.samples(gateway, device);
            Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", port(broker), "-q", "1",
                    "-t", topic, "-C", String.valueOf(batches), "-V", "mqttv5")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
            Thread.sleep(1000);
            MqttAsyncClient pub = new MqttAsyncClient(broker, gateway + "-pub", new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setReceiveMaximum(1000);
            pub.connect(o).waitForCompletion();
            long start = System.nanoTime();
            for (byte[] p : payloads) {
                MqttMessage m = new MqttMessage(p);
                m.setQos(1);
                while (true) {
                    try {
                        pub.publish(topic, m);
                        break;
                    } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                        Thread.sleep(1); // in-flight window full
                    }
                }
            }
            sub.waitFor(300, TimeUnit.SECONDS);
            double subSeconds = (System.nanoTime() - start) / 1e9;
            while (counters.storedSamples() < total) {
                Thread.sleep(20);
            }
            double serverSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("samples %d in %d batches of %d (rack, %d channels)%n", total, batches, perBatch,
                    src.get(0).p().length);
            System.out.printf("mosquitto_sub drained  %.0f samples/s (%.2f s)%n", total / subSeconds, subSeconds);
            System.out.printf("server stored+tracked  %.0f samples/s (%.2f s)%n", total / serverSeconds,
                    serverSeconds);
            System.out.printf("ratio server / mosquitto_sub = %.2f%n", subSeconds / serverSeconds);
            pub.disconnect().waitForCompletion();
            pub.close();
        } finally {
            server.close();
            db.close();
        }
        System.exit(0);
    }

    private static String port(String url) {
        return url.substring(url.lastIndexOf(':') + 1);
    }
}
