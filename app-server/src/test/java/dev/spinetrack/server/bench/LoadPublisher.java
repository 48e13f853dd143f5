package dev.spinetrack.server.bench;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.testing.ScenarioSamples;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateways of a studio, for {@link RealTimeBenchmark} (run in a process of its own, so its
 * CPU is not the server's): every {@code perMessage / hz} seconds each of {@code devices} racks
 * publishes one batch of {@code perMessage} samples whose times are the wall clock when they
 * were "measured", as the gateway's 20 ms batches at 100 Hz do. Pressures cycle through the
 * rack-decompression scenario, pre-formatted, so the publisher spends little CPU per message.
 * Behind schedule it catches up without skipping (offered = what the schedule asks for).
 * <pre>
 * LoadPublisher broker gateway devices hz perMessage seconds
 * </pre>
 * Prints {@code offered <samples> <messages>} when done.
 */
public final class LoadPublisher {

    private LoadPublisher() {
    }

    public static void main(String[] args) throws Exception {
        String broker = args[0];
        String gateway = args[1];
        int devices = Integer.parseInt(args[2]);
        int hz = Integer.parseInt(args[3]);
        int perMessage = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        List<Sample> src = ScenarioSamples.play("rack-decompression", gateway).get(0).samples();
        String[] body = new String[src.size()]; // ",\"pitch\":..,\"roll\":..,\"p\":[..]}" per scenario sample
        for (int i = 0; i < body.length; i++) {
            Sample s = src.get(i);
            StringBuilder b = new StringBuilder(",\"pitch\":").append(s.pitch()).append(",\"roll\":").append(s.roll())
                    .append(",\"p\":[");
            for (int c = 0; c < s.p().length; c++) {
                b.append(c == 0 ? "" : ",").append(s.p()[c]);
            }
            body[i] = b.append("]}").toString();
        }
        MqttAsyncClient pub = new MqttAsyncClient(broker, gateway + "-load", new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        pub.connect(o).waitForCompletion();
        long periodNs = 1_000_000_000L * perMessage / hz;
        long ticks = (long) seconds * hz / perMessage;
        long start = System.nanoTime();
        long startMs = System.currentTimeMillis();
        long samples = 0;
        long messages = 0;
        StringBuilder json = new StringBuilder(4096);
        for (long tick = 0; tick < ticks; tick++) {
            long due = start + tick * periodNs;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long nowMs = System.currentTimeMillis();
            for (int d = 0; d < devices; d++) {
                String device = device(d);
                json.setLength(0);
                json.append("{\"v\":1,\"gateway\":\"").append(gateway).append("\",\"device\":\"").append(device)
                        .append("\",\"batch\":").append(tick).append(",\"sentAt\":").append(nowMs)
                        .append(",\"samples\":[");
                for (int k = 0; k < perMessage; k++) {
                    long seq = tick * perMessage + k;
                    long t = startMs + seq * 1000 / hz;
                    json.append(k == 0 ? "" : ",").append("{\"seq\":").append(seq).append(",\"t\":").append(t)
                            .append(body[(int) ((seq + 37L * d) % body.length)]);
                }
                json.append("]}");
                publish(pub, Topics.samples(gateway, device), json.toString().getBytes(StandardCharsets.UTF_8));
                samples += perMessage;
                messages++;
            }
        }
        long behindMs = (System.nanoTime() - start) / 1_000_000 - (long) seconds * 1000;
        // what the broker took: a message the broker never acknowledged is the publisher's loss
        // (no retry here, unlike the gateway), not the server's
        long ackDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ACKED.get() < messages && System.nanoTime() < ackDeadline) {
            Thread.sleep(10);
        }
        System.out.println("offered " + samples + " " + messages + " publisherOverrunMs " + Math.max(0, behindMs)
                + " pubacked " + ACKED.get() + " failed " + FAILED.get());
        pub.disconnect().waitForCompletion();
        pub.close();
    }

    /** Device id of rack {@code d}, shared with {@link RealTimeBenchmark}. */
    static String device(int d) {
        return String.format("fe%010x", d);
    }

    private static final AtomicLong ACKED = new AtomicLong();
    private static final AtomicLong FAILED = new AtomicLong();
    private static final MqttActionListener COUNT = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            ACKED.incrementAndGet();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
            FAILED.incrementAndGet();
        }
    };

    private static void publish(MqttAsyncClient pub, String topic, byte[] payload) throws InterruptedException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        while (true) {
            try {
                pub.publish(topic, m, null, COUNT);
                return;
            } catch (MqttException e) {
                Thread.sleep(1); // in-flight window full
            }
        }
    }
}
