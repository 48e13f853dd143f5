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
        long[] notified = new long[count];
        int[] deviceOfMatched = new int[count];
        long[] leftBroker = new long[count];
        long[] toBroker = new long[count];
        long[] fromBroker = new long[count];
        long[] tappedAt = new long[count];
        int matched = 0;
        int tapped = 0;
        for (int i = 0; i < count; i++) {
            Long at = stamps.getOrDefault(devices[deviceOf[i]], Map.of()).get(seqs[i]);
            if (at != null) {
                notified[matched] = at;
                deviceOfMatched[matched] = deviceOf[i];
                latency[matched++] = arrivals[i] - at;
                Long left = tap == null ? null : tap.left(devices[deviceOf[i]], seqs[i]);
                if (left != null) {
                    leftBroker[matched - 1] = left - at;
                    tappedAt[tapped] = at;
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
        dump(matched, notified, latency, deviceOfMatched, leftBroker);
        System.out.println("  " + slowWindows(Arrays.copyOf(notified, matched), Arrays.copyOf(latency, matched),
                25_000_000L, 100_000_000L));
        split("  notification -> out of the broker (gateway)", Arrays.copyOf(tappedAt, tapped), Arrays.copyOf(toBroker, tapped));
        split("  out of the broker -> WebSocket (server)", Arrays.copyOf(tappedAt, tapped), Arrays.copyOf(fromBroker, tapped));
    }

    private static void split(String what, long[] notified, long[] part) {
        if (part.length == 0) {
            return;
        }
        String bursts = slowWindows(notified, part, 15_000_000L, 100_000_000L);
        Arrays.sort(part);
        System.out.printf("%s, %d frames: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, part.length,
                pct(part, 0.50), pct(part, 0.95), pct(part, 0.99), part[part.length - 1] / 1e6);
        System.out.println("    " + bursts);
    }

    /**
     * Writes each matched frame as "notification nanoTime, latency ns, device index, ns to leaving
     * the broker (0: not tapped)" to the file named by
     * {@code -Dbench.frames.out}, to line the slow ones up with other processes' logs (HotSpot's
     * {@code -Xlog:...:timenanos} decorator gives the same clock).
     */
    private static void dump(int n, long[] notified, long[] latency, int[] device, long[] toBroker) throws IOException {
        String out = System.getProperty("bench.frames.out");
        if (out == null) {
            return;
        }
        try (var w = new java.io.PrintWriter(Files.newBufferedWriter(Path.of(out)))) {
            for (int i = 0; i < n; i++) {
                w.println(notified[i] + "," + latency[i] + "," + device[i] + "," + toBroker[i]);
            }
        }
    }

    /**
     * Whether the frames slower than {@code slowNanos} come in bursts (a stall of a process: GC,
     * the scheduler) or spread evenly (steady queueing): over windows of {@code windowNanos} of
     * notification time, how many windows hold any, and what share of them the worst tenth holds.
     */
    static String slowWindows(long[] notified, long[] latency, long slowNanos, long windowNanos) {
        if (notified.length == 0) {
            return "no frames";
        }
        long first = Arrays.stream(notified).min().getAsLong();
        long last = Arrays.stream(notified).max().getAsLong();
        int[] slowIn = new int[(int) ((last - first) / windowNanos) + 1];
        int slow = 0;
        for (int i = 0; i < notified.length; i++) {
            if (latency[i] > slowNanos) {
                slowIn[(int) ((notified[i] - first) / windowNanos)]++;
                slow++;
            }
        }
        int[] sorted = slowIn.clone();
        Arrays.sort(sorted);
        int withAny = 0;
        for (int n : sorted) {
            withAny += n > 0 ? 1 : 0;
        }
        int tenth = Math.max(1, sorted.length / 10);
        int inWorst = 0;
        for (int i = sorted.length - tenth; i < sorted.length; i++) {
            inWorst += sorted[i];
        }
        return String.format(java.util.Locale.ROOT, "frames over %d ms: %d, in %d of %d windows of %d ms; "
                        + "the worst tenth of the windows hold %.1f %% of them, the worst window %d",
                slowNanos / 1_000_000, slow, withAny, sorted.length, windowNanos / 1_000_000,
                slow == 0 ? 0.0 : 100.0 * inWorst / slow, sorted[sorted.length - 1]);
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
