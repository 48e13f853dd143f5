package dev.spinetrack.gateway.cli;

import dev.spinetrack.gateway.GatewayConfig;
import dev.spinetrack.gateway.queue.FsyncPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gateway's settings by name. The same names serve as long flags ({@code --queue-dir}),
 * YAML keys ({@code queue-dir:}) and environment variables ({@code SPINETRACK_GATEWAY_QUEUE_DIR}).
 */
public final class ConfigKeys {

    /** Every setting name, in the order of {@code --help}. */
    public static final List<String> NAMES = List.of("gateway-id", "broker", "username", "password", "truststore",
            "truststore-password", "queue-dir", "queue-max-mb", "fsync", "batch-size", "batch-age-ms",
            "status-interval-ms", "simulate", "seed", "speed", "loop", "faults", "fleet", "allow", "min-rssi", "rate",
            "reconnect-min-ms", "reconnect-max-ms", "watchdog-periods", "scan-interval-ms", "connect-concurrency", "confirm",
            "max-unconfirmed", "confirm-timeout-ms", "bundle-max", "bundle-linger-ms");

    /** Prefix of the environment variables. */
    public static final String ENV_PREFIX = "SPINETRACK_GATEWAY_";

    private ConfigKeys() {
    }

    /** The environment variable of a setting. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The settings present in an environment. */
    public static Map<String, String> fromEnv(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : NAMES) {
            String v = env.get(envName(k));
            if (v != null && !v.isBlank()) {
                out.put(k, v);
            }
        }
        return out;
    }

    /**
     * Applies settings, in order, to a config.
     *
     * @param source where they came from, for error messages ("--batch-size", "gateway.yaml", ...)
     * @throws IllegalArgumentException naming the setting, its source and what is wrong
     */
    public static GatewayConfig apply(GatewayConfig c, Map<String, String> settings, String source) {
        for (Map.Entry<String, String> e : settings.entrySet()) {
            try {
                c = apply(c, e.getKey(), e.getValue().trim());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(source + ": " + e.getKey() + " = '" + e.getValue() + "': "
                        + ex.getMessage(), ex);
            }
        }
        return c;
    }

    private static GatewayConfig apply(GatewayConfig c, String key, String v) {
        return switch (key) {
            case "gateway-id" -> c.withGatewayId(v);
            case "broker" -> c.withBrokerUrl(v);
            case "username" -> c.withBroker(c.brokerUrl(), v, c.password());
            case "password" -> c.withBroker(c.brokerUrl(), c.username(), v);
            case "truststore" -> c.withTrustStore(Path.of(v), c.trustStorePassword());
            case "truststore-password" -> c.withTrustStore(c.trustStore(), v);
            case "queue-dir" -> c.withQueueDir(Path.of(v));
            case "queue-max-mb" -> c.withQueue(c.queueDir(), positiveLong(v) * 1024 * 1024, c.fsync());
            case "fsync" -> c.withQueue(c.queueDir(), c.queueMaxBytes(), fsync(v));
            case "batch-size" -> c.withBatch((int) positiveLong(v), c.batchMaxAge());
            case "batch-age-ms" -> c.withBatch(c.batchMaxSamples(), Duration.ofMillis(positiveLong(v)));
            case "status-interval-ms" -> c.withStatusInterval(Duration.ofMillis(positiveLong(v)));
            case "simulate" -> c.withSimulation(v, c.seed(), c.speed(), c.loop(), c.faults());
            case "seed" -> c.withSimulation(c.simulate(), number(v), c.speed(), c.loop(), c.faults());
            case "speed" -> c.withSimulation(c.simulate(), c.seed(), decimal(v), c.loop(), c.faults());
            case "loop" -> c.withSimulation(c.simulate(), c.seed(), c.speed(), bool(v), c.faults());
            case "faults" -> c.withSimulation(c.simulate(), c.seed(), c.speed(), c.loop(), v);
            case "fleet" -> c.withSimulationFleet((int) number(v));
            case "allow" -> c.withDeviceFilter(list(v), c.minRssi());
            case "min-rssi" -> c.withDeviceFilter(c.allowList(), (int) number(v));
            case "rate" -> c.withRateHz((int) positiveLong(v));
            case "reconnect-min-ms" -> c.withReconnect(Duration.ofMillis(positiveLong(v)), c.reconnectMax(),
                    c.watchdogPeriods());
            case "reconnect-max-ms" -> c.withReconnect(c.reconnectMin(), Duration.ofMillis(positiveLong(v)),
                    c.watchdogPeriods());
            case "watchdog-periods" -> c.withReconnect(c.reconnectMin(), c.reconnectMax(), (int) positiveLong(v));
            case "scan-interval-ms" -> c.withScanInterval(Duration.ofMillis(positiveLong(v)));
            case "connect-concurrency" -> c.withConnectConcurrency((int) positiveLong(v));
            case "confirm" -> c.withDelivery(c.delivery().withServerConfirms(switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "server" -> true;
                case "broker" -> false;
                default -> throw new IllegalArgumentException("must be server or broker");
            }));
            case "max-unconfirmed" -> c.withDelivery(c.delivery().withMaxUnconfirmed((int) positiveLong(v)));
            case "confirm-timeout-ms" -> c.withDelivery(c.delivery().withConfirmTimeout(Duration.ofMillis(positiveLong(v))));
            case "bundle-max" -> c.withDelivery(c.delivery().withBundles((int) nonNegative(v),
                    c.delivery().bundleLinger()));
            case "bundle-linger-ms" -> c.withDelivery(c.delivery().withBundles(c.delivery().bundleMax(),
                    Duration.ofMillis(nonNegative(v))));
            default -> throw new IllegalArgumentException("unknown setting; known: " + String.join(", ", NAMES));
        };
    }

    private static long number(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static long positiveLong(String v) {
        long n = number(v);
        if (n <= 0) {
            throw new IllegalArgumentException("must be > 0");
        }
        return n;
    }

    private static long nonNegative(String v) {
        long n = number(v);
        if (n < 0) {
            throw new IllegalArgumentException("must be >= 0");
        }
        return n;
    }

    private static double decimal(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
    }

    private static boolean bool(String v) {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("must be true or false");
    }

    private static FsyncPolicy fsync(String v) {
        try {
            return FsyncPolicy.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be before-publish or never");
        }
    }

    private static Set<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
