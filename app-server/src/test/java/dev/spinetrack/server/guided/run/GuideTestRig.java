package dev.spinetrack.server.guided.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.testing.Await;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Predicate;

/**
 * What the guided-session ITs share: a ball that is a copy of the simulator's (new id), a
 * stream of its samples with a seq and device clock the test controls, and the HTTP API.
 */
final class GuideTestRig {

    static final Duration LIMIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A token of the account that owns the test gateway's devices, per server. */
    private static final java.util.Map<EmbeddedServer, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String auth(EmbeddedServer server) {
        return TOKENS.computeIfAbsent(server, s -> TestServer.bearer(s, TestServer.DEFAULT_USER));
    }

    /** A reply: status and JSON body. */
    record Reply(int status, JsonNode body) {
    }

    /** The simulator's ball, renamed. */
    static DeviceInfo ball(String gateway, String deviceId) {
        DeviceInfo i = ScenarioSamples.play("massage", gateway).stream().map(ScenarioSamples.DeviceRun::info)
                .filter(d -> d.kind().name().equals("BALL")).findFirst().orElseThrow();
        return new DeviceInfo(i.v(), gateway, deviceId, "IT ball " + deviceId, i.kind(), i.firmware(), i.minRateHz(),
                i.maxRateHz(), i.rateHz(), i.unit(), i.contactThreshold(), i.cells());
    }

    /** A device's sample stream: consecutive seqs at 100 Hz of device time. */
    static final class Stream {
        private final TestPublisher publisher;
        private final String device;
        long seq;
        long t;

        Stream(TestPublisher publisher, String device, long firstSeq, long deviceT0) {
            this.publisher = publisher;
            this.device = device;
            this.seq = firstSeq;
            this.t = deviceT0;
        }

        /** Publishes {@code ms} of device time of samples in contact at {@code kPa}, pitch from {@code pitch(ms)}. */
        long publish(long ms, double kPa, DoubleUnaryOperator pitch) {
            List<Sample> batch = new ArrayList<>();
            long t0 = t;
            for (long k = 0; k < ms / 10; k++) {
                batch.add(new Sample(seq++, t, pitch.applyAsDouble(t - t0), 0, new double[] {kPa}, null));
                t += 10;
                if (batch.size() == 20) {
                    publisher.batch(device, batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                publisher.batch(device, batch);
            }
            return seq - 1;
        }

        /** Publishes still samples in contact. */
        long publish(long ms) {
            return publish(ms, 25, x -> 0);
        }

        /** Jumps the device clock (a later use of the device). */
        void skip(long ms) {
            t += ms;
        }
    }

    /** Waits until the server tracked a device's samples up to {@code seq}. */
    static void awaitTracked(EmbeddedServer server, String device, long seq) {
        SessionService sessions = server.getApplicationContext().getBean(SessionService.class);
        Await.until("device " + device + " tracked up to seq " + seq, LIMIT, () -> sessions.devices("demo").stream()
                .anyMatch(d -> d.id().equals(device) && d.kind() != null && d.processedSeq() >= seq));
    }

    static Reply post(EmbeddedServer server, String path, String body) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Content-Type", "application/json").header("Authorization", auth(server))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        return new Reply(res.statusCode(), res.body().isEmpty() ? JSON.nullNode() : JSON.readTree(res.body()));
    }

    static JsonNode get(EmbeddedServer server, String path) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Authorization", auth(server)).GET().build();
        HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + res.statusCode() + " " + res.body());
        }
        return JSON.readTree(res.body());
    }

    /** Polls a GET until its body satisfies {@code ok}. */
    static JsonNode await(EmbeddedServer server, String path, String what, Predicate<JsonNode> ok) throws Exception {
        long end = System.nanoTime() + LIMIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = get(server, path);
            if (ok.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting until " + what + "; last: " + last);
    }

    static String state(JsonNode view) {
        return view.path("snapshot").path("state").asText();
    }

    private GuideTestRig() {
    }
}
