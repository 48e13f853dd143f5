package dev.spinetrack.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayConfig;
import dev.spinetrack.gateway.ble.sim.SimulatedCentral;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.broker.EmbeddedBroker;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.SimulationOptions;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end latency, by hand (not a test): a simulated BLE notification reaches the gateway,
 * which batches, queues and publishes it; the broker passes it to the server, which stores
 * and tracks it and sends a live frame on {@code /ws/devices/{id}}. Everything but the broker
 * runs in this process (the server on H2, or PostgreSQL with {@code -Dspinetrack.it.jdbc}):
 * <pre>
 * java -cp ... dev.spinetrack.server.bench.EndToEndLatencyBenchmark [broker|embedded] [scenario] [batchAgeMs]
 * </pre>
 * Defaults: the machine's Mosquitto, {@code load:50x100x30s} at real-time speed, the gateway's
 * default batch age (20 ms). Latency of a frame = arrival of the WebSocket frame minus arrival
 * of the notification carrying that sample at the gateway, both on this JVM's
 * {@link System#nanoTime()} ({@link NotificationClock}); frames of the first seconds (devices
 * connecting, JIT warm-up) are left out. For comparison it also prints the wall clock at
 * arrival minus the sample's device time, which needs no hook into the gateway but carries
 * the simulator's 5 ms scheduling tick and the SET_TIME offset as errors.
 */
public final class EndToEndLatencyBenchmark {

    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(8);

    private EndToEndLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String brokerArg = args.length > 0 ? args[0] : "tcp://127.0.0.1:1883";
        String scenario = args.length > 1 ? args[1] : "load:50x100x30s";
        int batchAgeMs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        EmbeddedBroker embedded = brokerArg.equals("embedded")
                ? EmbeddedBroker.start(0, Files.createTempDirectory("e2e-broker")) : null;
        String broker = embedded != null ? embedded.address().url() : brokerArg;
        String gateway = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase db = TestDatabase.create();
        java.util.Map<String, Object> props = new java.util.HashMap<>(
                TestServer.properties(broker, db, gateway, gateway + "-server"));
        props.put("spinetrack.security.max-sockets-per-user", 10_000); // one socket per device, one user
        EmbeddedServer server = TestServer.start(props);
        NotificationClock clock = new NotificationClock();
        Simulation sim = Simulation.start(new SimulationOptions(scenario, 1, 1.0, false, "",
                ThreadLocalRandom.current().nextInt(1, 0xFFFF)));
        GatewayConfig config = GatewayConfig.defaults().withGatewayId(gateway).withBrokerUrl(broker)
                .withQueueDir(Files.createTempDirectory("e2e-gateway-queue"))
                .withBatch(GatewayConfig.defaults().batchMaxSamples(), Duration.ofMillis(batchAgeMs));
        Frames frames = new Frames(clock);
        List<WebSocket> sockets = new ArrayList<>();
        try (Gateway g = Gateway.start(config, clock.wrap(new SimulatedCentral(sim::peripherals, sim::close)))) {
            List<String> devices = new ArrayList<>();
            for (VirtualPeripheral p : sim.peripherals()) {
                devices.add(Topics.deviceIdOf(p.advertisement().address()));
            }
            awaitDevices(server, devices);
            HttpClient http = HttpClient.newHttpClient();
            String authorization = TestServer.bearer(server, TestServer.DEFAULT_USER);
            for (String d : devices) {
                sockets.add(http.newWebSocketBuilder().header("Authorization", authorization)
                        .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/devices/" + d), frames)
                        .get(10, TimeUnit.SECONDS));
            }
            frames.startAfter(System.nanoTime() + WARM_UP_NANOS);
            if (!sim.awaitFinished(Duration.ofMinutes(30))) {
                throw new IllegalStateException("the scenario did not finish");
            }
            Thread.sleep(2000); // the last batches' frames
            System.out.printf("scenario %s at 1x, gateway batch age %d ms, broker %s, database %s%n", scenario,
                    batchAgeMs, embedded != null ? "embedded HiveMQ CE" : broker, db.postgres() ? "PostgreSQL" : "H2");
            System.out.printf("gateway: %s%n", g.stats());
            frames.report();
        } finally {
            for (WebSocket s : sockets) {
                s.abort();
            }
            server.close();
            db.close();
            if (embedded != null) {
                embedded.close();
            }
        }
        System.exit(0);
    }

    private static void awaitDevices(EmbeddedServer server, List<String> devices) throws InterruptedException {
        SessionService sessions = server.getApplicationContext().getBean(SessionService.class);
        String user = server.getApplicationContext().getProperty("spinetrack.users.default-user", String.class)
                .orElse("demo");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sessions.devices(user).size() < devices.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + sessions.devices(user).size() + " of " + devices.size()
                        + " devices reached the server");
            }
            Thread.sleep(100);
        }
    }

    /** Receives live frames on every socket and keeps the latency of each sample frame. */
    private static final class Frames implements WebSocket.Listener {
        private final ObjectMapper json = new ObjectMapper();
        private final NotificationClock clock;
        private final Map<WebSocket, StringBuilder> partial = new java.util.concurrent.ConcurrentHashMap<>();
        private final long[] viaHook = new long[1 << 20];
        private final long[] viaDeviceTime = new long[1 << 20];
        private int count;
        private int unmatched;
        private volatile long startNanos = Long.MAX_VALUE;

        Frames(NotificationClock clock) {
            this.clock = clock;
        }

        void startAfter(long nanos) {
            startNanos = nanos;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long nowNanos = System.nanoTime();
            long nowMs = System.currentTimeMillis();
            StringBuilder b = partial.computeIfAbsent(ws, w -> new StringBuilder());
            b.append(data);
            if (last) {
                String text = b.toString();
                b.setLength(0);
                if (nowNanos >= startNanos) {
                    record(text, nowNanos, nowMs);
                }
            }
            ws.request(1);
            return null;
        }

        private synchronized void record(String text, long nowNanos, long nowMs) {
            try {
                JsonNode f = json.readTree(text);
                if (!"sample".equals(f.path("type").asText()) || count == viaHook.length) {
                    return;
                }
                // frames carry the stored position (boot x 2^40 + seq), the notification its seq
                Long emitted = clock.emittedNanos(f.path("device").asText(),
                        dev.spinetrack.protocol.mqtt.SamplePosition.seq(f.path("seq").asLong()));
                if (emitted == null) {
                    unmatched++;
                    return;
                }
                viaHook[count] = nowNanos - emitted;
                viaDeviceTime[count] = TimeUnit.MILLISECONDS.toNanos(nowMs - f.path("t").asLong());
                count++;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        synchronized void report() {
            System.out.printf("frames measured %d (unmatched %d)%n", count, unmatched);
            print("notification -> WebSocket (nanoTime, same JVM)", Arrays.copyOf(viaHook, count));
            print("wall clock - device time (SET_TIME based)  ", Arrays.copyOf(viaDeviceTime, count));
        }

        private static void print(String what, long[] nanos) {
            if (nanos.length == 0) {
                System.out.println(what + ": no frames");
                return;
            }
            Arrays.sort(nanos);
            System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                    pct(nanos, 0.50), pct(nanos, 0.95), pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
        }

        private static double pct(long[] sorted, double q) {
            int rank = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, rank)] / 1e6;
        }
    }
}
