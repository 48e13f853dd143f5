package dev.spinetrack.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayConfig;
import dev.spinetrack.server.broker.BrokerConnection;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.ServerSocket;
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
 * port (embedded broker on a free port and H2 in a temp dir, unless {@code spinetrack.it.mqtt} /
 * {@code spinetrack.it.jdbc} point elsewhere) and the real gateway playing a simulator scenario
 * into it, faster than real time.
 */
final class DashboardStack implements AutoCloseable {

    final EmbeddedServer server;
    final Gateway gateway;
    final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    DashboardStack(Path dir, String scenario, double speed) throws IOException {
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("spinetrack.data-dir", dir.toString());
        props.put("spinetrack.mqtt.embedded-port", freePort());
        String mqtt = System.getProperty("spinetrack.it.mqtt", "");
        if (!mqtt.isBlank()) {
            props.put("spinetrack.mqtt.url", mqtt);
            props.put("spinetrack.mqtt.client-id", "dash-it-" + UUID.randomUUID().toString().substring(0, 8));
        }
        String jdbc = System.getProperty("spinetrack.it.jdbc", "");
        if (!jdbc.isBlank()) {
            props.put("datasources.default.url", jdbc);
            props.put("datasources.default.driver-class-name", "org.postgresql.Driver");
            props.put("datasources.default.dialect", "POSTGRES");
            props.put("datasources.default.username", "postgres");
            props.put("datasources.default.password", "");
        }
        server = ApplicationContext.run(EmbeddedServer.class, props);
        baseUrl = "http://localhost:" + server.getPort();
        String broker = server.getApplicationContext().getBean(BrokerConnection.class).address().url();
        // A gateway id of its own, so runs sharing a real broker do not mix their status topics.
        String gatewayId = "dashit" + UUID.randomUUID().toString().substring(0, 6);
        gateway = Gateway.start(GatewayConfig.defaults().withGatewayId(gatewayId).withBrokerUrl(broker)
                .withQueueDir(dir.resolve("gateway-queue")).withSimulation(scenario, 7, speed, true, ""));
    }

    /** GET a JSON document from the API. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " -> " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

    /** A response: status and JSON body. */
    record Reply(int status, JsonNode body) {
    }

    /** POSTs a body as some user (null: the default user). */
    Reply post(String path, String body, String contentType, String user) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("X-SpineTrack-User", user);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isEmpty() ? json.nullNode() : json.readTree(r.body()));
    }

    /** The id of the online device with this advertised name, waiting up to {@code timeout} for it. */
    String deviceNamed(String name, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            for (JsonNode d : get("/api/devices")) {
                if (name.equals(d.path("name").asText()) && "ONLINE".equals(d.path("state").asText())) {
                    return d.path("id").asText();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("device '" + name + "' did not come online in " + timeout + ": " + get("/api/devices"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            server.getApplicationContext().close();
        }
    }
}
