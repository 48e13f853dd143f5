package dev.spinetrack.server.bench;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.testing.ScenarioSamples;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateways of a studio, for {@link RealTimeBenchmark} (run in a process of its own, so its
 * CPU is not the server's): every {@code perMessage / hz} seconds each of {@code devices} racks
 * publishes one batch of {@code perMessage} samples whose times are the wall clock when they
 * were "measured", as the gateway's 20 ms batches at 100 Hz do. Pressures cycle through the
 * rack-decompression scenario, pre-formatted, and messages are built as bytes in one reused
 * buffer and sent through {@link BareMqttPublisher} (one socket write per tick), so the racks'
 * stand-in takes as little as it can of the CPU the server, broker and database share.
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
        byte[][] bodies = new byte[body.length][];
        for (int i = 0; i < body.length; i++) {
            bodies[i] = body[i].getBytes(StandardCharsets.US_ASCII);
        }
        byte[][] topics = new byte[devices][];
        byte[][] heads = new byte[devices][]; // {"v":1,"gateway":..,"device":..,"batch":
        for (int d = 0; d < devices; d++) {
            topics[d] = Topics.samples(gateway, device(d)).getBytes(StandardCharsets.UTF_8);
            heads[d] = ("{\"v\":1,\"gateway\":\"" + gateway + "\",\"device\":\"" + device(d) + "\",\"batch\":")
                    .getBytes(StandardCharsets.UTF_8);
        }
        long periodNs = 1_000_000_000L * perMessage / hz;
        long ticks = (long) seconds * hz / perMessage;
        long samples = 0;
        long messages = 0;
        long start;
        long acked;
        try (BareMqttPublisher pub = new BareMqttPublisher(broker, gateway + "-load", WINDOW)) {
            start = System.nanoTime();
            long startMs = System.currentTimeMillis();
            Ascii json = new Ascii(4096);
            for (long tick = 0; tick < ticks; tick++) {
                long due = start + tick * periodNs;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long nowMs = System.currentTimeMillis();
                for (int d = 0; d < devices; d++) {
                    json.reset().append(heads[d]).append(tick).append(SENT_AT).append(nowMs).append(SAMPLES);
                    for (int k = 0; k < perMessage; k++) {
                        long seq = tick * perMessage + k;
                        long t = startMs + seq * 1000 / hz;
                        json.append(k == 0 ? SEQ_FIRST : SEQ_NEXT).append(seq).append(T).append(t)
                                .append(bodies[(int) ((seq + 37L * d) % bodies.length)]);
                    }
                    json.append(END);
                    pub.publish(topics[d], json.bytes(), json.length());
                    samples += perMessage;
                    messages++;
                }
                pub.flush();
            }
            long behindMs = (System.nanoTime() - start) / 1_000_000 - (long) seconds * 1000;
            // what the broker took: a message the broker never acknowledged is the publisher's
            // loss (no retry here, unlike the gateway), not the server's
            long ackDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (pub.acked() < messages && System.nanoTime() < ackDeadline) {
                Thread.sleep(10);
            }
            acked = pub.acked();
            System.out.println("offered " + samples + " " + messages + " publisherOverrunMs " + Math.max(0, behindMs)
                    + " pubacked " + acked + " failed " + (messages - acked));
        }
    }

    /** Device id of rack {@code d}, shared with {@link RealTimeBenchmark}. */
    static String device(int d) {
        return String.format("fe%010x", d);
    }

    /** Unacknowledged messages at most: the server's default Receive Maximum's order. */
    private static final int WINDOW = 4000;
    private static final byte[] SENT_AT = ascii(",\"sentAt\":");
    private static final byte[] SAMPLES = ascii(",\"samples\":[");
    private static final byte[] SEQ_FIRST = ascii("{\"seq\":");
    private static final byte[] SEQ_NEXT = ascii(",{\"seq\":");
    private static final byte[] T = ascii(",\"t\":");
    private static final byte[] END = ascii("]}");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A reusable ASCII text buffer, so building a message allocates nothing. */
    private static final class Ascii {
        private byte[] buf;
        private int n;

        Ascii(int capacity) {
            buf = new byte[capacity];
        }

        Ascii reset() {
            n = 0;
            return this;
        }

        Ascii append(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
            return this;
        }

        Ascii append(long v) {
            ensure(20);
            if (v < 0) {
                buf[n++] = '-';
                v = -v;
            }
            int from = n;
            do {
                buf[n++] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v > 0);
            for (int i = from, j = n - 1; i < j; i++, j--) {
                byte x = buf[i];
                buf[i] = buf[j];
                buf[j] = x;
            }
            return this;
        }

        byte[] bytes() {
            return buf;
        }

        int length() {
            return n;
        }

        private void ensure(int more) {
            if (n + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }
    }
}
