package dev.spinetrack.gateway.cli;

import dev.spinetrack.gateway.Gateway;
import dev.spinetrack.gateway.GatewayConfig;
import dev.spinetrack.gateway.GatewayStats;
import dev.spinetrack.gateway.ble.BleUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code gateway}: BLE devices (or the simulator's) to MQTT. */
@Command(name = "gateway", mixinStandardHelpOptions = true, version = "SpineTrack gateway 0.1.0",
        sortOptions = false, usageHelpWidth = 110,
        description = {"Streams SpineTrack devices over Bluetooth LE (TinyB/BlueZ) or from the simulator to an MQTT 5 "
                + "broker, through a durable on-disk queue (QoS 1, nothing lost across broker outages or kill -9).",
                "",
                "Every setting can also come from a YAML file (--config; keys are the long option names without "
                        + "dashes in front, e.g. 'queue-dir: /var/lib/gw') or from an environment variable "
                        + "SPINETRACK_GATEWAY_<NAME> (e.g. SPINETRACK_GATEWAY_BROKER, SPINETRACK_GATEWAY_PASSWORD). "
                        + "Flags win over the environment, the environment over the file.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "2:invalid settings", "3:no usable Bluetooth (see the message)"})
public final class GatewayCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with settings")
    Path config;

    @Option(names = "--gateway-id", paramLabel = "ID", description = "id in MQTT topics (default gw1)")
    String gatewayId;

    @Option(names = "--broker", paramLabel = "URL", description = "MQTT broker, tcp://host:1883 or ssl://host:8883 "
            + "(default tcp://127.0.0.1:1883)")
    String broker;

    @Option(names = "--username", paramLabel = "USER", description = "MQTT user name")
    String username;

    @Option(names = "--password", paramLabel = "PASS", description = "MQTT password (prefer SPINETRACK_GATEWAY_PASSWORD)")
    String password;

    @Option(names = "--truststore", paramLabel = "FILE", description = "PKCS12/JKS trust store for ssl:// brokers")
    String truststore;

    @Option(names = "--truststore-password", paramLabel = "PASS", description = "trust store password")
    String truststorePassword;

    @Option(names = "--queue-dir", paramLabel = "DIR", description = "durable queue directory (default ./gateway-queue)")
    String queueDir;

    @Option(names = "--queue-max-mb", paramLabel = "MB", description = "queue bound; when full, new batches are "
            + "refused, counted and logged (default 256)")
    String queueMaxMb;

    @Option(names = "--fsync", paramLabel = "POLICY", description = "before-publish (default) or never")
    String fsync;

    @Option(names = "--batch-size", paramLabel = "N", description = "samples per batch at most (default 500)")
    String batchSize;

    @Option(names = "--batch-age-ms", paramLabel = "MS", description = "a batch is sent when its oldest sample is this "
            + "old (default 20)")
    String batchAgeMs;

    @Option(names = "--status-interval-ms", paramLabel = "MS", description = "gateway status refresh (default 5000)")
    String statusIntervalMs;

    @Option(names = "--simulate", paramLabel = "SCENARIO", description = "run the simulator's scenario (massage, "
            + "rack-decompression, mobilization, studio, load:<devices>x<hz>, or a file) instead of Bluetooth")
    String simulate;

    @Option(names = "--seed", paramLabel = "N", description = "simulator seed (default 1)")
    String seed;

    @Option(names = "--speed", paramLabel = "X", description = "simulator speed-up (default 1)")
    String speed;

    @Option(names = "--loop", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "restart the scenario when it ends")
    String loop;

    @Option(names = "--faults", paramLabel = "FLAGS", description = "simulator faults, e.g. drop=2%%,corrupt=0.1%%")
    String faults;

    @Option(names = "--fleet", paramLabel = "N", description = "simulator fleet 0..65535: other device addresses "
            + "for runs sharing a broker (default 0)")
    String fleet;

    @Option(names = "--allow", paramLabel = "ADDR|NAME", split = ",", description = "only these devices (repeat or "
            + "comma-separate)")
    String[] allow;

    @Option(names = "--min-rssi", paramLabel = "DBM", description = "ignore weaker devices, e.g. -80")
    String minRssi;

    @Option(names = "--rate", paramLabel = "HZ", description = "sample rate to set (default: device's lowest >= 50)")
    String rate;

    @Option(names = "--reconnect-min-ms", paramLabel = "MS", description = "first reconnect delay (default 200)")
    String reconnectMinMs;

    @Option(names = "--reconnect-max-ms", paramLabel = "MS", description = "longest reconnect delay (default 10000)")
    String reconnectMaxMs;

    @Option(names = "--watchdog-periods", paramLabel = "N", description = "reconnect a stream silent this many sample "
            + "periods (default 10)")
    String watchdogPeriods;

    @Option(names = "--scan-interval-ms", paramLabel = "MS", description = "pause between scans (default 2000)")
    String scanIntervalMs;

    @Option(names = "--connect-concurrency", paramLabel = "N", description = "devices connecting at once, at most "
            + "(connect, service discovery, handshake; default 4); the others wait their turn")
    String connectConcurrency;

    @Option(names = "--confirm", paramLabel = "BY", description = "a batch leaves the queue when the server confirms it "
            + "stored (server, default) or at the broker's PUBACK (broker: no SpineTrack server behind the broker)")
    String confirm;

    @Option(names = "--max-unconfirmed", paramLabel = "N", description = "batches published but not yet confirmed, at "
            + "most (default 4000); the rest wait in the disk queue")
    String maxUnconfirmed;

    @Option(names = "--confirm-timeout-ms", paramLabel = "MS", description = "publish a batch again when unconfirmed "
            + "this long (default 10000, doubling up to 8 times that while nothing is confirmed)")
    String confirmTimeoutMs;

    @Option(names = "--bundle-max", paramLabel = "N", description = "most batches of several devices in one MQTT "
            + "message (default 250; 0: one message per batch); used only with a server that reads bundles")
    String bundleMax;

    @Option(names = "--bundle-linger-ms", paramLabel = "MS", description = "how long a bundle waits for more batches "
            + "after its first, and only while an earlier publication awaits its PUBACK (default 4)")
    String bundleLingerMs;

    @Option(names = "--duration-s", paramLabel = "S", description = "stop after this many seconds (default: run "
            + "until Ctrl-C, or until a non-looping scenario ends)")
    Long durationS;

    Map<String, String> flags() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "gateway-id", gatewayId);
        put(m, "broker", broker);
        put(m, "username", username);
        put(m, "password", password);
        put(m, "truststore", truststore);
        put(m, "truststore-password", truststorePassword);
        put(m, "queue-dir", queueDir);
        put(m, "queue-max-mb", queueMaxMb);
        put(m, "fsync", fsync);
        put(m, "batch-size", batchSize);
        put(m, "batch-age-ms", batchAgeMs);
        put(m, "status-interval-ms", statusIntervalMs);
        put(m, "simulate", simulate);
        put(m, "seed", seed);
        put(m, "speed", speed);
        put(m, "loop", loop);
        put(m, "faults", faults);
        put(m, "fleet", fleet);
        put(m, "allow", allow == null ? null : String.join(",", allow));
        put(m, "min-rssi", minRssi);
        put(m, "rate", rate);
        put(m, "reconnect-min-ms", reconnectMinMs);
        put(m, "reconnect-max-ms", reconnectMaxMs);
        put(m, "watchdog-periods", watchdogPeriods);
        put(m, "scan-interval-ms", scanIntervalMs);
        put(m, "connect-concurrency", connectConcurrency);
        put(m, "confirm", confirm);
        put(m, "max-unconfirmed", maxUnconfirmed);
        put(m, "confirm-timeout-ms", confirmTimeoutMs);
        put(m, "bundle-max", bundleMax);
        put(m, "bundle-linger-ms", bundleLingerMs);
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    /** The config from defaults, file, environment and flags. */
    GatewayConfig resolve(Map<String, String> env) {
        GatewayConfig c = GatewayConfig.defaults();
        if (config != null) {
            c = ConfigKeys.apply(c, YamlConfigFile.read(config), config.toString());
        }
        c = ConfigKeys.apply(c, ConfigKeys.fromEnv(env), "environment");
        return ConfigKeys.apply(c, flags(), "command line");
    }

    @Override
    public Integer call() throws Exception {
        GatewayConfig c;
        try {
            c = resolve(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("gateway: invalid settings: " + e.getMessage());
            return 2;
        }
        Gateway g;
        try {
            g = Gateway.start(c);
        } catch (BleUnavailableException e) {
            System.err.println("gateway: " + e.getMessage());
            return 3;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("gateway: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            g.close();
            stopped.countDown();
        }, "gateway-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long deadline = durationS == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(durationS);
        while (System.nanoTime() < deadline) {
            if (g.simulation().isPresent() && !c.loop() && g.simulation().get().finished()
                    && g.stats().queueDepth() == 0) {
                break;
            }
            if (stopped.await(200, TimeUnit.MILLISECONDS)) {
                return 0;
            }
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        g.close();
        GatewayStats s = g.stats();
        System.err.printf("gateway: done; %d samples in, %d out, %d gaps, %d invalid, %d queued%n", s.samplesIn(),
                s.samplesOut(), s.gaps(), s.invalidFrames(), s.queueDepth());
        return 0;
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "gateway-logback.xml");
        }
        System.exit(new CommandLine(new GatewayCommand()).execute(args));
    }
}
