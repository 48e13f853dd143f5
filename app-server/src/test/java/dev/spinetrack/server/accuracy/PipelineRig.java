package dev.spinetrack.server.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayConfig;
import dev.spinetrack.gateway.ble.sim.SimulatedCentral;
import dev.spinetrack.server.ingest.IngestCounters;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.SimulationOptions;
import dev.spinetrack.simulator.truth.EmittedSample;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole pipeline in this JVM: the app server on a random port against the test broker and
 * database, the real gateway (its public API, as the demo starts it) with the simulator as its
 * radio, and the scenario's clock started only once the gateway is up, so the devices stream
 * from the scenario's first seconds. Every sample the devices emit is kept for the oracle, and
 * the API is called over HTTP as the dashboard calls it.
 */
final class PipelineRig implements AutoCloseable {

    private final TestBroker broker;
    private final TestDatabase db;
    private final EmbeddedServer server;
    private final Gateway gateway;
    private final Simulation simulation;
    private final Map<String, List<EmittedSample>> emitted = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final String bearer;

    PipelineRig(String scenario, double speed) throws IOException {
        broker = TestBroker.shared();
        db = TestDatabase.create();
        // ids of its own, so runs sharing CI's broker and database never see each other's devices
        String gatewayId = "acc" + UUID.randomUUID().toString().substring(0, 8);
        server = TestServer.start(TestServer.properties(broker.url(), db, gatewayId, gatewayId + "-server"));
        baseUrl = "http://localhost:" + server.getPort();
        bearer = TestServer.bearer(server, TestServer.DEFAULT_USER);
        Path dir = Files.createTempDirectory("st-accuracy");
        AtomicReference<Simulation> sim = new AtomicReference<>();
        gateway = Gateway.start(GatewayConfig.defaults()
                .withGatewayId(gatewayId)
                .withBrokerUrl(broker.url())
                .withQueueDir(dir.resolve("gateway-queue"))
                .withScanInterval(Duration.ofMillis(100))
                // a loaded 2-core machine can starve the simulation's clock thread for longer
                // than the default 10 sample periods; a watchdog reconnect would lose samples in flight
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(500), 500),
                new SimulatedCentral(() -> sim.get() == null ? List.of() : sim.get().peripherals(),
                        () -> sim.get().close()));
        simulation = Simulation.start(new SimulationOptions(scenario, 1, speed, false, "",
                ThreadLocalRandom.current().nextInt(1, 0xFFFF)));
        // before any central can see the devices, so the watcher sees every sample they emit
        simulation.onEmitted(s -> emitted.computeIfAbsent(s.device(),
                d -> java.util.Collections.synchronizedList(new ArrayList<>())).add(s));
        sim.set(simulation);
    }

    Simulation simulation() {
        return simulation;
    }

    /** What a device emitted so far, in order (call once the scenario has finished). */
    List<EmittedSample> emitted(String device) {
        List<EmittedSample> all = emitted.getOrDefault(device, List.of());
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** Samples the server stored so far. */
    long storedSamples() {
        return server.getApplicationContext().getBean(IngestCounters.class).storedSamples();
    }

    /** GET a JSON document as the demo user. */
    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), path);
    }

    /** POST a JSON body as the demo user. */
    JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), path);
    }

    private JsonNode send(HttpRequest.Builder request, String path) {
        try {
            HttpResponse<String> r = http.send(request.header("Authorization", bearer)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new AssertionError(path + " -> " + r.statusCode() + ": " + r.body());
            }
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(path + " interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            gateway.close(); // closes the central, which closes the simulation
            server.getApplicationContext().close();
        } finally {
            db.close();
            broker.close();
        }
    }
}
