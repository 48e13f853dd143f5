package dev.spinetrack.server.http;

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
 * at least 10 per second of device time (20 Hz by design), and refuses other users' devices.
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
                    assertTrue(times.get(i) - times.get(i - 1) <= 100, "frames at most 100 ms of device time apart");
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
