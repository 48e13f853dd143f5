package dev.spinetrack.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.testing.Await;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device WebSocket streams frames with focus region, pressures, tilt and band feedback,
 * at least 10 per second of device time (20 Hz by design), and refuses other users' devices;
 * it also carries the device's sessions and their region figures as stored. The user's
 * {@code /ws/devices} tells of their own devices only.
 */
class LiveSocketIT {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Pattern T = Pattern.compile("\"t\":(\\d+)");

    @Test
    void deviceSocketStreamsFramesAtTwentyHertzOfDeviceTime() throws Exception {
        String gateway = "it-live-" + UUID.randomUUID().toString().substring(0, 8);
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", gateway).get(0);
        String device = run.info().device();
        try (TestBroker broker = TestBroker.shared(); TestDatabase db = TestDatabase.create();
             TestPublisher publisher = new TestPublisher(broker.url(), gateway)) {
            EmbeddedServer server = TestServer.start(TestServer.properties(broker.url(), db, gateway, gateway + "-s"));
            try {
                publisher.info(run.info());
                Await.until("the device is known", LIMIT, () -> server.getApplicationContext()
                        .getBean(dev.spinetrack.server.session.SessionService.class).devices("demo").size() == 1);
                List<String> frames = new CopyOnWriteArrayList<>();
                List<String> closes = new CopyOnWriteArrayList<>();
                HttpClient http = HttpClient.newHttpClient();
                WebSocket ws = connect(http, server, TestServer.DEFAULT_USER, "/ws/devices/" + device, frames, closes);
                WebSocket refused = connect(http, server, "bob", "/ws/devices/" + device, new ArrayList<>(), closes);
                // ten seconds of device time from a moment the user lies on the rack
                List<Sample> all = run.samples();
                int from = all.size() / 4;
                while (java.util.Arrays.stream(all.get(from).p()).max().orElse(0) <= run.info().contactThreshold()) {
                    from++;
                }
                List<Sample> slice = new ArrayList<>();
                for (Sample s : all.subList(from, all.size())) {
                    if (s.t() - all.get(from).t() > 10_000) {
                        break;
                    }
                    slice.add(s);
                }
                for (List<Sample> b : ScenarioSamples.batches(slice, 50)) {
                    publisher.batch(device, b);
                }
                long lastT = slice.get(slice.size() - 1).t();
                Await.until("frames up to the last sample", LIMIT, () -> frames.stream()
                        .anyMatch(f -> f.contains("\"type\":\"sample\"") && timeOf(f) >= lastT - 50));
                Await.until("the other user's socket is closed", LIMIT, () -> closes.contains("4404"));
                List<Long> times = new ArrayList<>();
                for (String f : frames) {
                    if (f.contains("\"type\":\"sample\"")) {
                        times.add(timeOf(f));
                    }
                }
                long span = times.get(times.size() - 1) - times.get(0);
                double hz = (times.size() - 1) * 1000.0 / span;
                assertTrue(hz >= 10, "frames per second of device time: " + hz);
                for (int i = 1; i < times.size(); i++) {
                    assertTrue(times.get(i) - times.get(i - 1) <= 100 && times.get(i) > times.get(i - 1),
                            "frames in order, at most 100 ms of device time apart: " + times.get(i - 1) + " then " + times.get(i));
                }
                String sample = frames.stream().filter(f -> f.contains("\"contact\":true")).findFirst().orElseThrow();
                assertTrue(sample.contains("\"region\":\""), sample);
                assertTrue(sample.contains("\"band\":\""), sample);
                assertTrue(sample.contains("\"p\":["), sample);
                assertTrue(sample.contains("\"pitch\":"), sample);
                assertEquals(device, sample.replaceAll("^.*\"device\":\"([0-9a-f]{12})\".*$", "$1"));
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
                refused.abort();
            } finally {
                server.close();
            }
        }
    }

    @Test
    void theUsersStreamTellsOfTheirOwnDevicesAndTheDeviceStreamOfItsSessionAndFigures() throws Exception {
        String gateway = "it-figures-" + UUID.randomUUID().toString().substring(0, 8);
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", gateway).get(0);
        String device = run.info().device();
        try (TestBroker broker = TestBroker.shared(); TestDatabase db = TestDatabase.create();
             TestPublisher publisher = new TestPublisher(broker.url(), gateway)) {
            EmbeddedServer server = TestServer.start(TestServer.properties(broker.url(), db, gateway, gateway + "-s"));
            try {
                HttpClient http = HttpClient.newHttpClient();
                List<String> mine = new CopyOnWriteArrayList<>();
                List<String> others = new CopyOnWriteArrayList<>();
                List<String> closes = new CopyOnWriteArrayList<>();
                connect(http, server, TestServer.DEFAULT_USER, "/ws/devices", mine, closes);
                connect(http, server, "bob", "/ws/devices", others, closes);

                // A new device of the demo user's gateway: the user's stream tells of it, bob's does not.
                publisher.info(run.info());
                Await.until("the user hears of the new device", LIMIT, () -> mine.stream()
                        .anyMatch(f -> f.contains("\"type\":\"status\"") && f.contains("\"id\":\"" + device + "\"")));
                JsonNode change = JSON.readTree(mine.get(0)).path("payload");
                assertEquals(TestServer.DEFAULT_USER, change.path("owner").asText(), change.toString());
                assertEquals("RACK", change.path("kind").asText(), change.toString());

                // Samples in contact open a session; the device's stream carries it and its figures.
                List<String> frames = new CopyOnWriteArrayList<>();
                connect(http, server, TestServer.DEFAULT_USER, "/ws/devices/" + device, frames, closes);
                List<Sample> all = run.samples();
                int from = 0;
                while (java.util.Arrays.stream(all.get(from).p()).max().orElse(0) <= run.info().contactThreshold()) {
                    from++;
                }
                List<Sample> slice = all.subList(from, Math.min(all.size(), from + 500));
                for (List<Sample> b : ScenarioSamples.batches(slice, 50)) {
                    publisher.batch(device, b);
                }
                long lastT = slice.get(slice.size() - 1).t();
                Await.until("frames up to the last sample", LIMIT, () -> frames.stream()
                        .anyMatch(f -> f.contains("\"type\":\"sample\"") && timeOf(f) >= lastT - 50));
                JsonNode started = frames.stream().map(LiveSocketIT::tree)
                        .filter(f -> "session".equals(f.path("type").asText())).findFirst().orElseThrow();
                assertEquals("started", started.path("payload").path("state").asText(), started.toString());
                long session = started.path("session").asLong();
                // The last figures pushed are the figures stored (the API reads them from the database).
                Await.until("figures pushed after the last batch", LIMIT, () -> lastFigures(frames) != null
                        && lastFigures(frames).path("payload").equals(tree(get(http, server,
                        "/api/sessions/" + session + "/regions"))));
                JsonNode figures = lastFigures(frames);
                assertEquals(session, figures.path("session").asLong());
                assertTrue(figures.path("payload").size() > 0 && figures.path("payload").get(0).path("dwellMs").asLong() >= 0,
                        figures.toString());
                assertTrue(others.isEmpty(), "bob's stream says nothing of the demo user's device: " + others);
            } finally {
                server.close();
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode tree(String frame) {
        try {
            return JSON.readTree(frame);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode lastFigures(List<String> frames) {
        JsonNode last = null;
        for (String f : frames) {
            if (f.contains("\"type\":\"regions\"")) {
                last = tree(f);
            }
        }
        return last;
    }

    private static String get(HttpClient http, EmbeddedServer server, String path) {
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                    .header("Authorization", TestServer.bearer(server, TestServer.DEFAULT_USER)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long timeOf(String frame) {
        Matcher m = T.matcher(frame);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static WebSocket connect(HttpClient http, EmbeddedServer server, String user, String path,
                                     List<String> frames, List<String> closes) {
        return http.newWebSocketBuilder()
                .header("Authorization", TestServer.bearer(server, user)).buildAsync(URI.create("ws://localhost:" + server.getPort() + path),
                new WebSocket.Listener() {
                    private final StringBuilder part = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        part.append(data);
                        if (last) {
                            frames.add(part.toString());
                            part.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closes.add(String.valueOf(statusCode));
                        return null;
                    }
                }).join();
    }
}
