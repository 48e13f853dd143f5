package dev.spinetrack.server.http;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.ingest.IngestCounters;
import dev.spinetrack.testing.Await;
import dev.spinetrack.server.testing.ScenarioSamples;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestPublisher;
import dev.spinetrack.server.security.Role;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API over HTTP: listings, detail, start/stop/tag/band, exports, OpenAPI, health and
 * metrics; problem+json naming field and reason for bad requests; 404 for unknown or other
 * users' ids; and bad requests leave stored data as it was.
 */
class ApiIT {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static TestBroker broker;
    private static TestDatabase db;
    private static EmbeddedServer server;
    private static TestPublisher publisher;
    private static String device;
    private static int samples;
    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        broker = TestBroker.shared();
        db = TestDatabase.create();
        String gateway = "it-api-" + UUID.randomUUID().toString().substring(0, 8);
        server = TestServer.start(TestServer.properties(broker.url(), db, gateway, gateway + "-server"));
        publisher = new TestPublisher(broker.url(), gateway);
        ScenarioSamples.DeviceRun run = ScenarioSamples.play("rack-decompression", gateway).get(0);
        device = run.info().device();
        publisher.info(run.info());
        List<Sample> first = run.samples().subList(0, 3000);
        for (List<Sample> b : ScenarioSamples.batches(first, 500)) {
            publisher.batch(device, b);
        }
        samples = first.size();
        IngestCounters counters = server.getApplicationContext().getBean(IngestCounters.class);
        Await.until("samples stored", LIMIT, () -> counters.storedSamples() == samples);
    }

    @AfterAll
    static void stop() {
        publisher.close();
        server.close();
        db.close();
        broker.close();
    }

    @Test
    void devicesSessionsAndExports() throws Exception {
        HttpResponse<String> devices = get("/api/devices", null);
        assertEquals(200, devices.statusCode());
        assertTrue(devices.body().contains("\"id\":\"" + device + "\""), devices.body());
        assertEquals(200, get("/api/devices/" + device, null).statusCode());

        HttpResponse<String> started = send("POST", "/api/sessions", "{\"device\":\"" + device + "\"}", null);
        assertEquals(201, started.statusCode(), started.body());
        long id = Long.parseLong(started.body().replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));

        HttpResponse<String> band = send("PUT", "/api/sessions/" + id + "/band", "{\"low\":10,\"high\":50}", null);
        assertEquals(200, band.statusCode(), band.body());
        assertTrue(band.body().contains("\"kind\":\"BAND\""), band.body());

        HttpResponse<String> stopped = send("POST", "/api/sessions/" + id + "/stop", "", null);
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertTrue(stopped.body().contains("\"open\":false"), stopped.body());

        HttpResponse<String> list = get("/api/sessions?device=" + device, null);
        assertTrue(list.body().contains("\"id\":" + id), list.body());

        HttpResponse<String> csv = get("/api/sessions/" + id + "/export?format=csv", null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("session,device,started_at,region,dwell_ms"), csv.body());

        HttpResponse<String> json = get("/api/sessions/" + id + "/export?format=json", null);
        assertTrue(json.body().contains("\"session\":{\"id\":" + id), json.body());

        HttpResponse<String> history = get("/api/regions/MID_THORACIC_LEFT/history", null);
        assertEquals(200, history.statusCode());
        HttpResponse<String> regions = get("/api/regions", null);
        assertTrue(regions.body().contains("MID_THORACIC_LEFT"));
    }

    @Test
    void badRequestsNameFieldAndReasonAndLoseNothing() throws Exception {
        long before = totalSamples();
        HttpResponse<String> badDevice = send("POST", "/api/sessions", "{\"device\":\"XYZ\"}", null);
        problem(badDevice, 400, "device");
        HttpResponse<String> missing = send("POST", "/api/sessions", "{}", null);
        problem(missing, 400, "device");
        HttpResponse<String> notJson = send("POST", "/api/sessions", "{device", null);
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertTrue(notJson.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        HttpResponse<String> started = send("POST", "/api/sessions", "{\"device\":\"" + device + "\"}", null);
        long id = Long.parseLong(started.body().replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
        problem(send("POST", "/api/sessions/" + id + "/tags", "{\"region\":\"NECK\"}", null), 400, "region");
        problem(send("PUT", "/api/sessions/" + id + "/band", "{\"low\":50,\"high\":10}", null), 400, "high");
        problem(send("PUT", "/api/sessions/" + id + "/band", "{\"low\":-1,\"high\":10}", null), 400, "low");
        problem(get("/api/sessions/" + id + "/export?format=xml", null), 400, "format");
        problem(get("/api/sessions?limit=0", null), 400, "limit");
        problem(get("/api/devices/nothex", null), 400, "id");
        assertEquals(401, anonymous("/api/devices").statusCode(), "no credentials");
        assertEquals(401, send("GET", "/api/devices", null, null, "Bearer stk_forged").statusCode(), "forged token");
        assertEquals(before, totalSamples(), "bad requests changed no stored data");
    }

    @Test
    void unknownAndOtherUsersIdsAre404() throws Exception {
        problem(get("/api/sessions/999999", null), 404, null);
        problem(get("/api/devices/0123456789ab", null), 404, null);
        // another user sees neither the device nor its sessions
        assertEquals("[]", get("/api/devices", "bob").body());
        problem(get("/api/devices/" + device, "bob"), 404, null);
        problem(send("POST", "/api/sessions", "{\"device\":\"" + device + "\"}", "bob"), 404, null);
        HttpResponse<String> mine = get("/api/sessions", null);
        long id = Long.parseLong(mine.body().replaceAll("^\\[\\{\"id\":(\\d+),.*$", "$1"));
        problem(get("/api/sessions/" + id, "bob"), 404, null);
        problem(send("POST", "/api/sessions/" + id + "/stop", "", "bob"), 404, null);
    }

    @Test
    void openApiHealthAndMetricsAreServed() throws Exception {
        HttpResponse<String> spec = get("/swagger/spinetrack-0.1.yml", null);
        assertEquals(200, spec.statusCode());
        assertTrue(spec.body().contains("/api/sessions"), "spec lists the API");
        assertEquals(200, get("/swagger-ui/index.html", null).statusCode());
        HttpResponse<String> health = get("/health", null);
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"UP\""));
        assertTrue(!health.body().contains("jdbc"), "no details for anyone: " + health.body());
        assertEquals(403, get("/prometheus", null).statusCode(), "metrics are for admins");
        assertEquals(401, anonymous("/prometheus").statusCode());
        HttpResponse<String> metrics = send("GET", "/prometheus", null, null,
                TestServer.bearer(server, "it-admin", Role.ADMIN));
        assertEquals(403, get("/api/admin/health", null).statusCode(), "health details are for admins");
        assertTrue(send("GET", "/api/admin/health", null, null, TestServer.bearer(server, "it-admin", Role.ADMIN))
                .body().contains("jdbc"), "admins see the details");
        assertTrue(metrics.body().contains("spinetrack_ingest_samples_stored_total"), "ingest metrics exported");
    }

    private long totalSamples() throws Exception {
        return server.getApplicationContext().getBean(IngestCounters.class).storedSamples();
    }

    private static void problem(HttpResponse<String> r, int status, String field) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "problem+json: " + r.headers().firstValue("Content-Type"));
        assertTrue(r.body().contains("\"status\":" + status), r.body());
        if (field != null) {
            assertTrue(r.body().contains("\"field\":\"" + field + "\""), "names field " + field + ": " + r.body());
            assertTrue(r.body().contains("\"reason\":\""), r.body());
        }
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return send("GET", path, null, user);
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** As a user (null: the owner of the test gateway's devices), with an API token. */
    private HttpResponse<String> send(String method, String path, String body, String user) throws Exception {
        String u = user == null ? TestServer.DEFAULT_USER : user;
        return send(method, path, body, null, TOKENS.computeIfAbsent(u, k -> TestServer.bearer(server, k)));
    }

    private HttpResponse<String> send(String method, String path, String body, String ignored, String authorization)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
