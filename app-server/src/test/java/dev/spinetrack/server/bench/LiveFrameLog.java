package dev.spinetrack.server.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * For {@link ProcessLatencyBenchmark}: notes when each live sample frame arrived on the
 * WebSockets ({@link System#nanoTime()}, read the moment the frame is complete) while recording,
 * then matches the frames with the gateway's notification stamps ({@link BenchGatewayProcess})
 * and prints the latency percentiles. Frames are picked apart by hand, not parsed as JSON, so
 * that this process spends little CPU next to the ones measured.
 */
final class LiveFrameLog {

    private final Map<String, Integer> deviceIndex = new HashMap<>();
    private String[] devices = new String[0];
    private long[] seqs = new long[1 << 16];
    private long[] arrivals = new long[1 << 16];
    private int[] deviceOf = new int[1 << 16];
    private int count;
    private int otherFrames;
    private volatile boolean recording;

    /** A listener for one socket (each keeps its own partial message). */
    WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                long now = System.nanoTime();
                partial.append(data);
                if (last) {
                    if (recording) {
                        record(partial, now);
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
    }

    void recording(boolean on) {
        recording = on;
    }

    private synchronized void record(CharSequence text, long nanos) {
        String s = text.toString();
        if (!s.contains("\"type\":\"sample\"")) {
            otherFrames++;
            return;
        }
        String device = stringField(s, "\"device\":\"");
        long position = longField(s, "\"seq\":");
        if (count == seqs.length) {
            seqs = Arrays.copyOf(seqs, count * 2);
            arrivals = Arrays.copyOf(arrivals, count * 2);
            deviceOf = Arrays.copyOf(deviceOf, count * 2);
        }
        deviceOf[count] = deviceIndex.computeIfAbsent(device, d -> {
            devices = Arrays.copyOf(devices, devices.length + 1);
            devices[devices.length - 1] = d;
            return devices.length - 1;
        });
        // frames carry the stored position (boot x 2^40 + seq), the notification its seq
        seqs[count] = dev.spinetrack.protocol.mqtt.SamplePosition.seq(position);
        arrivals[count] = nanos;
        count++;
    }

    private static String stringField(String s, String key) {
        int from = s.indexOf(key) + key.length();
        return s.substring(from, s.indexOf('"', from));
    }

    private static long longField(String s, String key) {
        int i = s.indexOf(key) + key.length();
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            v = v * 10 + (s.charAt(i++) - '0');
        }
        return v;
    }

    /** Matches the recorded frames with the stamps file and prints the latency figures; {@code tap} may be null. */
    synchronized void report(Path stampsFile, BrokerTap tap) throws IOException {
        if (!Files.exists(stampsFile)) {
            // TinyB's natives can abort the gateway while it closes links that never streamed
            System.out.printf("sample frames recorded %d; the gateway ended without writing its stamps (see gateway.log)%n",
                    count);
            return;
        }
        Map<String, Map<Long, Long>> stamps = new HashMap<>();
        for (int i = 0; i < count; i++) {
            stamps.computeIfAbsent(devices[deviceOf[i]], d -> new HashMap<>()).put(seqs[i], null);
        }
        readStamps(stampsFile, stamps);
        long[] latency = new long[count];
        long[] toBroker = new long[count];
        long[] fromBroker = new long[count];
        int matched = 0;
        int tapped = 0;
        for (int i = 0; i < count; i++) {
            Long at = stamps.getOrDefault(devices[deviceOf[i]], Map.of()).get(seqs[i]);
            if (at != null) {
                latency[matched++] = arrivals[i] - at;
                Long left = tap == null ? null : tap.left(devices[deviceOf[i]], seqs[i]);
                if (left != null) {
                    toBroker[tapped] = left - at;
                    fromBroker[tapped++] = arrivals[i] - left;
                }
            }
        }
        System.out.printf("sample frames recorded %d from %d devices, matched to a notification %d (other frames %d)%n",
                count, devices.length, matched, otherFrames);
        long[] sorted = Arrays.copyOf(latency, matched);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            System.out.println("notification -> WebSocket: no frames");
            return;
        }
        System.out.printf("notification -> WebSocket (CLOCK_MONOTONIC, two processes): p50 %.1f ms, p95 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n", pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
        System.out.println("  share of frames by latency: " + histogram(sorted));
        split("  notification -> out of the broker (gateway)", Arrays.copyOf(toBroker, tapped));
        split("  out of the broker -> WebSocket (server)", Arrays.copyOf(fromBroker, tapped));
    }

    private static void split(String what, long[] part) {
        if (part.length == 0) {
            return;
        }
        Arrays.sort(part);
        System.out.printf("%s, %d frames: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, part.length,
                pct(part, 0.50), pct(part, 0.95), pct(part, 0.99), part[part.length - 1] / 1e6);
    }

    /** The share of sorted latencies (ns) in each band, as "0-5 ms 41.0 %, 5-10 ms ...". */
    static String histogram(long[] sorted) {
        long[] edgesMs = {5, 10, 15, 20, 25, 30, 50, 100, Long.MAX_VALUE};
        StringBuilder b = new StringBuilder();
        int from = 0;
        long low = 0;
        for (long edge : edgesMs) {
            int to = from;
            // the last band is open: edge * 10^6 would overflow to a negative bound and hold nothing
            while (to < sorted.length && (edge == Long.MAX_VALUE || sorted[to] < edge * 1_000_000L)) {
                to++;
            }
            b.append(b.length() == 0 ? "" : ", ")
                    .append(edge == Long.MAX_VALUE ? ">" + low : low + "-" + edge).append(" ms ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * (to - from) / sorted.length));
            from = to;
            low = edge;
        }
        return b.toString();
    }

    /** Fills in the stamps of the frames' samples only (the file holds every sample's). */
    private static void readStamps(Path file, Map<String, Map<Long, Long>> stamps) throws IOException {
        try (InputStream f = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(f, 1 << 16))) {
            int n = in.readInt();
            for (int d = 0; d < n; d++) {
                Map<Long, Long> bySeq = stamps.getOrDefault(in.readUTF(), new HashMap<>());
                int pairs = in.readInt();
                for (int i = 0; i < pairs; i++) {
                    long seq = in.readLong();
                    long nanos = in.readLong();
                    if (bySeq.containsKey(seq) && bySeq.get(seq) == null) {
                        bySeq.put(seq, nanos); // the first notification of a seq counts
                    }
                }
            }
        }
    }

    private static double pct(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }
}
