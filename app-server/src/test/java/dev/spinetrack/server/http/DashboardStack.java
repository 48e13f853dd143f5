package dev.spinetrack.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayConfig;
import dev.spinetrack.server.security.Accounts;
import dev.spinetrack.server.security.Role;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system in this JVM for the dashboard's browser tests: the app server on a random
 * port and, as the demo module does, the real gateway playing a simulator scenario faster than
 * real time through the real pipeline, with the shared test broker and database ({@code spinetrack.it.mqtt} /
 * {@code spinetrack.it.jdbc} when set, else an embedded broker on a free port and H2 in a temp
 * dir). No ball tagger runs: the guided sessions under test tag the balls.
 */
final class DashboardStack implements AutoCloseable {

    /** The demo account's password in these tests (the demo user owns the demo gateway's devices). */
    static final String DEMO_PASSWORD = "dashboard-it-password";
    final EmbeddedServer server;
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    final String baseUrl;
    private final TestBroker broker;
    private final TestDatabase db;
    private final Gateway gateway;
    private boolean gatewayStopped;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    DashboardStack(Path dir, String scenario, double speed) {
        broker = TestBroker.shared();
        db = TestDatabase.create();
        // A gateway id of its own, so runs sharing a real broker do not see each other's devices.
        String gatewayId = "dashit" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> props = new HashMap<>(TestServer.properties(broker.url(), db, gatewayId, gatewayId + "-server"));
        props.put("spinetrack.data-dir", dir.toString());
        server = TestServer.start(props);
        baseUrl = "http://localhost:" + server.getPort();
        // The account that owns the gateway's devices, with a password the browser logs in with.
        server.getApplicationContext().getBean(Accounts.class).save(TestServer.DEFAULT_USER, DEMO_PASSWORD, Role.USER);
        // The demo's gateway lives in the demo module (out of the product); the tests start the
        // same pipeline themselves, through the gateway's public API.
        gateway = Gateway.start(GatewayConfig.defaults()
                .withGatewayId(gatewayId)
                .withBrokerUrl(broker.url())
                .withQueueDir(dir.resolve("gateway-queue"))
                .withSimulation(scenario, 1, speed, true, ""));
    }

    /** GET a JSON document from the API. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", token(null))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " -> " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

    /** A response: status and JSON body. */
    record Reply(int status, JsonNode body) {
    }

    /** A bearer header value for a user (null: the demo user). */
    String token(String user) {
        return tokens.computeIfAbsent(user == null ? TestServer.DEFAULT_USER : user, u -> TestServer.bearer(server, u));
    }

    /** Logs the browser in as the demo user through the login page, as a person would. */
    void login(org.openqa.selenium.WebDriver driver) {
        driver.get(baseUrl + "/login.html");
        driver.findElement(org.openqa.selenium.By.id("login-user")).sendKeys(TestServer.DEFAULT_USER);
        driver.findElement(org.openqa.selenium.By.id("login-password")).sendKeys(DEMO_PASSWORD);
        driver.findElement(org.openqa.selenium.By.id("login-submit")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> !d.getCurrentUrl().contains("login"));
    }

    /** POSTs a body as some user (null: the demo user). */
    Reply post(String path, String body, String contentType, String user) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        b.header("Authorization", token(user));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isEmpty() ? json.nullNode() : json.readTree(r.body()));
    }

    /** The id of the online device with this advertised name, waiting up to {@code timeout} for it. */
    String deviceNamed(String name, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            JsonNode devices;
            try {
                devices = get("/api/devices");
            } catch (java.net.http.HttpTimeoutException slow) {
                continue; // a loaded machine: ask again until the overall timeout
            }
            for (JsonNode d : devices) {
                if (name.equals(d.path("name").asText()) && "ONLINE".equals(d.path("state").asText())) {
                    return d.path("id").asText();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("device '" + name + "' did not come online in " + timeout + ": " + get("/api/devices"));
    }

    /** Stops the gateway cleanly: it reports its devices OFFLINE, as when a person switches it off. */
    void stopGateway() {
        if (!gatewayStopped) {
            gatewayStopped = true;
            gateway.close();
        }
    }

    @Override
    public void close() {
        try {
            stopGateway();
            server.getApplicationContext().close();
        } finally {
            db.close();
            broker.close();
        }
    }
}
