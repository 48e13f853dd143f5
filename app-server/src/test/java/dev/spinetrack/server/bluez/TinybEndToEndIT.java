package dev.spinetrack.server.bluez;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.ingest.IngestCounters;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.server.storage.SessionRow;
import dev.spinetrack.testing.Await;
import dev.spinetrack.testing.TestBroker;
import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.SimulationOptions;
import dev.spinetrack.simulator.bluez.BusDaemon;
import dev.spinetrack.simulator.bluez.SimulatedBluez;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.GroundTruth;
import dev.spinetrack.simulator.truth.RegionTruth;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A scenario through TinyB's real native library: the simulator serves its devices as BlueZ
 * on a private dbus-daemon, the gateway runs its TinyB path in a JVM of its own (GLib finds
 * the bus through {@code DBUS_SYSTEM_BUS_ADDRESS}, as on a machine with BlueZ), publishes to
 * the broker, and the server stores and tracks. Every sample and every region's dwell must
 * equal the simulator's ground truth. (Link loss, dropped notifications and power-off on this
 * path are covered by the gateway's contract suite on TinyB and the simulator's BlueZ tests:
 * a lost link loses the samples in flight, so a whole-scenario equality needs an intact link.)
 */
class TinybEndToEndIT {

    private static final Duration LIMIT = Duration.ofSeconds(180);
    /** 533 s of rack session at 16x: about 33 s of wall time, 800 samples/s through D-Bus. */
    private static final double SPEED = 16;
    /** Built by the reactor before this module (package phase of device-gateway). */
    private static final Path GATEWAY_JAR = Path.of("").toAbsolutePath().resolveSibling("device-gateway")
            .resolve("target").resolve("gateway.jar");

    @Test
    void rackScenarioThroughRealTinybMatchesGroundTruth() throws Exception {
        Optional<String> why = unavailable();
        assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
        String gateway = "it-bluez-" + UUID.randomUUID().toString().substring(0, 8);
        int fleet = ThreadLocalRandom.current().nextInt(1, 0xFFFF);
        Path work = Files.createTempDirectory("st-bluez");
        try (TestBroker broker = TestBroker.shared();
             TestDatabase db = TestDatabase.create();
             EmbeddedServer server = TestServer.start(TestServer.properties(broker.url(), db, gateway, gateway + "-server"));
             BusDaemon bus = BusDaemon.start(work.resolve("bus"));
             SimulatedBluez bluez = SimulatedBluez.serve(bus.address());
             Simulation sim = Simulation.start(new SimulationOptions("rack-decompression", 5, SPEED, false,
                     "", fleet))) {
            IngestCounters counters = server.getApplicationContext().getBean(IngestCounters.class);
            SessionService sessions = server.getApplicationContext().getBean(SessionService.class);
            for (VirtualPeripheral p : sim.peripherals()) {
                bluez.attach(p);
            }
            Process gw = startGateway(gateway, broker.url(), bus.address(), work);
            try {
                assertTrue(sim.awaitFinished(LIMIT), "scenario did not finish");
                GroundTruth truth = sim.groundTruth();
                long expected = truth.devices().stream().mapToLong(DeviceTruth::samples).sum();
                Await.until("all " + expected + " samples are stored", LIMIT,
                        () -> counters.storedSamples() == expected);
                assertTrue(bluez.notificationsSent() >= expected / 2, "notifications went through D-Bus");
                for (DeviceTruth d : truth.devices()) {
                    // sessions open at the first contact, so they hold the samples from there on
                    List<SessionRow> auto = sessions.sessions("demo", d.device(), 100);
                    assertTrue(!auto.isEmpty(), "contact opened a session for " + d.device());
                    Map<Region, Long> dwell = new EnumMap<>(Region.class);
                    for (SessionRow s : auto) {
                        sessions.session("demo", s.id()).regions()
                                .forEach(r -> dwell.merge(r.region(), r.dwellMs(), Long::sum));
                    }
                    for (Map.Entry<Region, RegionTruth> e : d.regions().entrySet()) {
                        long want = e.getValue().dwellMs();
                        long have = dwell.getOrDefault(e.getKey(), 0L);
                        assertEquals(want, have, Math.max(50, 0.005 * want), d.device() + " " + e.getKey() + " dwell");
                    }
                    dwell.forEach((region, ms) -> assertTrue(ms == 0 || d.regions().containsKey(region),
                            d.device() + " " + region + " has " + ms + " ms dwell, truth has none"));
                }
                assertEquals(0, counters.badMessages());
            } finally {
                gw.destroy();
                if (!gw.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    gw.destroyForcibly();
                }
                System.out.println("gateway log (tail):\n" + tail(work.resolve("gateway.log"), 40));
            }
        }
    }

    /** The gateway's runnable jar on the TinyB path (no --simulate), as the README runs it. */
    private static Process startGateway(String gateway, String broker, String busAddress, Path work) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", GATEWAY_JAR.toString(),
                "--gateway-id", gateway, "--broker", broker, "--queue-dir", work.resolve("queue").toString(),
                "--scan-interval-ms", "200", "--reconnect-min-ms", "50", "--reconnect-max-ms", "500",
                "--status-interval-ms", "1000",
                // a loaded 2-core CI machine can stall GLib's thread for longer than the default
                // 10 sample periods; a watchdog reconnect would lose the samples in flight
                "--watchdog-periods", "200");
        pb.environment().put("DBUS_SYSTEM_BUS_ADDRESS", busAddress);
        pb.redirectErrorStream(true);
        pb.redirectOutput(work.resolve("gateway.log").toFile());
        return pb.start();
    }

    private static Optional<String> unavailable() {
        Optional<String> daemon = BusDaemon.unavailable();
        if (daemon.isPresent()) {
            return daemon;
        }
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.of("TinyB's natives are tested on Linux x86_64 only, this is " + arch);
        }
        if (!Files.isRegularFile(GATEWAY_JAR)) {
            return Optional.of(GATEWAY_JAR + " is not built (build the reactor, not app-server alone)");
        }
        return Optional.empty();
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
