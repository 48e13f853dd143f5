package dev.spinetrack.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.ingest.IngestCounters;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;

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
 * java -cp ... dev.spinetrack.server.bench.IngestBenchmark [broker] [batches] [samplesPerBatch] [devices] [rate]
 * </pre>
 * Batches go round-robin to {@code devices} racks (default 1). {@code rate} paces the publisher
 * to that many samples/s (default 0: as fast as it can, which measures the server's capacity);
 * at a given offered rate both consumers can only keep up or fall behind, so the ratio says
 * whether the server keeps up with that load.
 * Keep {@code batches} under the broker's queue limit for one client (Mosquitto's
 * {@code max_queued_messages}, 1000 by default) when the publisher outruns the server.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String broker = args.length > 0 ? args[0] : "tcp://127.0.0.1:1883";
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int perBatch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int devices = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        String gateway = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", gateway).get(0);
        List<DeviceInfo> racks = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            DeviceInfo i = run.info();
            racks.add(new DeviceInfo(i.v(), gateway, String.format("be%010x", d), i.name() + "-" + d, i.kind(),
                    i.firmware(), i.minRateHz(), i.maxRateHz(), i.rateHz(), i.unit(), i.contactThreshold(),
                    i.cells()));
        }
        // pre-built payloads: the scenario's samples repeated with rising seq and time per device
        ObjectMapper json = new ObjectMapper();
        List<byte[]> payloads = new ArrayList<>();
        List<byte[]> topicBytes = new ArrayList<>();
        List<Sample> src = run.samples();
        long[] seqs = new long[devices];
        long t0 = src.get(0).t();
        for (int b = 0; b < batches; b++) {
            int d = b % devices;
            List<Sample> out = new ArrayList<>(perBatch);
            for (int i = 0; i < perBatch; i++) {
                long seq = seqs[d]++;
                Sample s = src.get((int) (seq % src.size()));
                out.add(new Sample(seq, t0 + seq * 10, s.pitch(), s.roll(), s.p(), s.battery()));
            }
            String device = racks.get(d).device();
            payloads.add(json.writeValueAsBytes(SampleBatch.of(gateway, device, b, 0, out)));
            topicBytes.add(Topics.samples(gateway, device).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        long total = (long) batches * perBatch;
        TestDatabase db = TestDatabase.create();
        Map<String, Object> props = TestServer.properties(broker, db, gateway, gateway + "-server");
        EmbeddedServer server = TestServer.start(props);
        IngestCounters counters = server.getApplicationContext().getBean(IngestCounters.class);
        try (TestPublisher info = new TestPublisher(broker, gateway)) {
            for (DeviceInfo rack : racks) {
                info.info(rack);
            }
            Thread.sleep(1000);
            String topic = Topics.ROOT + "/" + gateway + "/+/samples";
            Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", port(broker), "-q", "1",
                    "-t", topic, "-C", String.valueOf(batches), "-V", "mqttv5")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
            Thread.sleep(1000);
            // the publisher shares this JVM: BareMqttPublisher takes far less of the CPU than Paho would
            BareMqttPublisher pub = new BareMqttPublisher(broker, gateway + "-pub", 1000);
            long start = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                if (rate > 0) {
                    long due = start + (long) (1e9 * b * perBatch / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        pub.flush();
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                }
                pub.publish(topicBytes.get(b), payloads.get(b), payloads.get(b).length);
            }
            pub.flush();
            sub.waitFor(300, TimeUnit.SECONDS);
            double subSeconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (counters.storedSamples() < total) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("stored " + counters.storedSamples() + " of " + total
                            + " samples: did the broker drop messages queued for the server? (Mosquitto's "
                            + "max_queued_messages defaults to 1000; keep batches below it or raise it)");
                }
                Thread.sleep(20);
            }
            double serverSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("samples %d in %d batches of %d from %d rack(s) of %d channels, offered %s%n", total,
                    batches, perBatch, devices, src.get(0).p().length,
                    rate > 0 ? String.format("%.0f samples/s", rate) : "as fast as the publisher goes");
            System.out.printf("mosquitto_sub drained  %.0f samples/s (%.2f s)%n", total / subSeconds, subSeconds);
            System.out.printf("server stored+tracked  %.0f samples/s (%.2f s)%n", total / serverSeconds,
                    serverSeconds);
            System.out.printf("ratio server / mosquitto_sub = %.2f%n", subSeconds / serverSeconds);
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
