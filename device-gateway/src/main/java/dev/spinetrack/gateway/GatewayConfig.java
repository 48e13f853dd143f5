package dev.spinetrack.gateway;

import dev.spinetrack.gateway.mqtt.DeliverySettings;
import dev.spinetrack.gateway.queue.FsyncPolicy;
import dev.spinetrack.protocol.mqtt.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a gateway needs to run. Build one with {@link #defaults()} and the
 * {@code with…} methods; the constructor checks every value and names the bad one.
 *
 * @param gatewayId         id in MQTT topics
 * @param brokerUrl         {@code tcp://host:port} or {@code ssl://host:port}
 * @param username          MQTT user name, or null
 * @param password          MQTT password, or null
 * @param trustStore        PKCS12/JKS trust store for {@code ssl://} brokers, or null for the JVM default
 * @param trustStorePassword its password, or null
 * @param queueDir          directory of the durable queue
 * @param queueMaxBytes     bound of the durable queue; when full new batches are refused and counted
 * @param fsync             when queue records are forced to disk
 * @param batchMaxSamples   a batch is sealed at this many samples …
 * @param batchMaxAge       … or when its oldest sample is this old
 * @param statusInterval    how often the retained gateway status is refreshed
 * @param simulate          simulator scenario to run instead of Bluetooth, or null for TinyB
 * @param seed              simulator seed
 * @param speed             simulator speed-up
 * @param loop              restart the scenario when it ends
 * @param faults            simulator fault flags, empty for none
 * @param fleet             simulator fleet number (0..65535): other device addresses, for runs sharing a broker
 * @param allowList         addresses or advertised names to accept; empty accepts every SpineTrack device
 * @param minRssi           weakest signal to connect to, dBm, or null for any
 * @param rateHz            sample rate to set, or null for the device's lowest rate at or above 50 Hz
 * @param reconnectMin      first reconnect delay
 * @param reconnectMax      longest reconnect delay
 * @param watchdogPeriods   a stream silent this many sample periods is reconnected
 * @param scanInterval      pause between scans for new devices
 * @param connectConcurrency devices connecting (connect, service discovery, handshake) at once, at most
 * @param delivery          when batches leave the queue: the server's confirmation by default
 */
public record GatewayConfig(String gatewayId, String brokerUrl, String username, String password,
                            Path trustStore, String trustStorePassword,
                            Path queueDir, long queueMaxBytes, FsyncPolicy fsync,
                            int batchMaxSamples, Duration batchMaxAge, Duration statusInterval,
                            String simulate, long seed, double speed, boolean loop, String faults, int fleet,
                            Set<String> allowList, Integer minRssi, Integer rateHz,
                            Duration reconnectMin, Duration reconnectMax, int watchdogPeriods,
                            Duration scanInterval, int connectConcurrency, DeliverySettings delivery) {

    /**
     * Default of {@link #connectConcurrency()}: BlueZ discovers one device's services at a time
     * per adapter, and through TinyB every connect costs D-Bus round trips that grow with the
     * devices already connected, so a few at once keep each connect fast (issue 12).
     */
    public static final int DEFAULT_CONNECT_CONCURRENCY = 4;

    public GatewayConfig {
        if (!Topics.validGatewayId(gatewayId)) {
            throw new IllegalArgumentException("gatewayId '" + gatewayId
                    + "' must be 1..64 of A-Z a-z 0-9 _ . - starting with a letter or digit");
        }
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        if (!brokerUrl.matches("(tcp|ssl|ws|wss)://[^/\\s]+(:\\d+)?/?")) {
            throw new IllegalArgumentException("broker URL '" + brokerUrl + "' must look like tcp://host:1883 or ssl://host:8883");
        }
        Objects.requireNonNull(queueDir, "queueDir");
        if (queueMaxBytes < 64 * 1024) {
            throw new IllegalArgumentException("queue bound must be at least 64 KiB, was " + queueMaxBytes + " bytes");
        }
        Objects.requireNonNull(fsync, "fsync");
        if (batchMaxSamples < 1 || batchMaxSamples > 10_000) {
            throw new IllegalArgumentException("batch size must be 1..10000 samples, was " + batchMaxSamples);
        }
        positive("batch age", batchMaxAge);
        positive("status interval", statusInterval);
        positive("reconnect min", reconnectMin);
        positive("reconnect max", reconnectMax);
        positive("scan interval", scanInterval);
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnect max " + reconnectMax + " is below reconnect min " + reconnectMin);
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("simulator speed must be > 0, was " + speed);
        }
        faults = faults == null ? "" : faults;
        if (fleet < 0 || fleet > 0xFFFF) {
            throw new IllegalArgumentException("simulator fleet must be 0..65535, was " + fleet);
        }
        allowList = allowList == null ? Set.of() : Set.copyOf(allowList);
        if (rateHz != null && (rateHz < 1 || rateHz > 1000)) {
            throw new IllegalArgumentException("rate must be 1..1000 Hz, was " + rateHz);
        }
        Objects.requireNonNull(delivery, "delivery");
        if (connectConcurrency < 1) {
            throw new IllegalArgumentException("connect concurrency must be at least 1, was " + connectConcurrency);
        }
        if (watchdogPeriods < 2) {
            throw new IllegalArgumentException("watchdog must be at least 2 sample periods, was " + watchdogPeriods);
        }
    }

    private static void positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, was " + d);
        }
    }

    /** Defaults: local broker, queue in {@code ./gateway-queue}, 20 ms batches, TinyB. */
    public static GatewayConfig defaults() {
        return new GatewayConfig("gw1", "tcp://127.0.0.1:1883", null, null, null, null,
                Path.of("gateway-queue"), 256L * 1024 * 1024, FsyncPolicy.BEFORE_PUBLISH,
                500, Duration.ofMillis(20), Duration.ofSeconds(5),
                null, 1, 1.0, false, "", 0, Set.of(), null, null,
                Duration.ofMillis(200), Duration.ofSeconds(10), 10, Duration.ofSeconds(2), DEFAULT_CONNECT_CONCURRENCY,
                DeliverySettings.defaults());
    }

    /** Whether devices come from the simulator rather than Bluetooth. */
    public boolean simulated() {
        return simulate != null;
    }

    public GatewayConfig withGatewayId(String v) {
        return new GatewayConfig(v, brokerUrl, username, password, trustStore, trustStorePassword, queueDir,
                queueMaxBytes, fsync, batchMaxSamples, batchMaxAge, statusInterval, simulate, seed, speed, loop,
                faults, fleet, allowList, minRssi, rateHz, reconnectMin, reconnectMax, watchdogPeriods, scanInterval, connectConcurrency, delivery);
    }

    public GatewayConfig withBroker(String url, String user, String pass) {
        return new GatewayConfig(gatewayId, url, user, pass, trustStore, trustStorePassword, queueDir,
                queueMaxBytes, fsync, batchMaxSamples, batchMaxAge, statusInterval, simulate, seed, speed, loop,
                faults, fleet, allowList, minRssi, rateHz, reconnectMin, reconnectMax, watchdogPeriods, scanInterval, connectConcurrency, delivery);
    }

    public GatewayConfig withBrokerUrl(String url) {
        return withBroker(url, username, password);
    }

    public GatewayConfig withTrustStore(Path store, String storePassword) {
        return new GatewayConfig(gatewayId, brokerUrl, username, password, store, storePassword, queueDir,
                queueMaxBytes, fsync, batchMaxSamples, batchMaxAge, statusInterval, simulate, seed, speed, loop,
                faults, fleet, allowList, minRssi, rateHz, reconnectMin, reconnectMax, watchdogPeriods, scanInterval, connectConcurrency, delivery);
    }

    public GatewayConfig withQueue(Path dir, long maxBytes, FsyncPolicy policy) {
        return new GatewayConfig(gatewayId, brokerUrl, username, password, trustStore, trustStorePassword, dir,
                maxBytes, policy, batchMaxSamples, batchMaxAge, statusInterval, simulate, seed, speed, loop,
                faults, fleet, allowList, minRssi, rateHz, reconnectMin, reconnectMax, watchdogPeriods, scanInterval, connectConcurrency, delivery);
    }

    public GatewayConfig withQueueDir(Path dir) {
        return withQueue(dir, queueMaxBytes, fsync);
    }

    public GatewayConfig withBatch(int maxSamples, Duration maxAge) {
        return new GatewayConfig(gatewayId, brokerUrl, username, password, trustStore, trustStorePassword, queueDir,
                queueMaxBytes, fsync, maxSamples, maxAge, statusInterval, simulate, seed, speed, loop,
                faults, fleet, allowList, minRssi, rateHz, reconnectMin, reconnectMax, watchdogPeriods, scanInterval, connectConcurrency, delivery);
    }

    public GatewayConfig withStatusInterval(Duration v) {
        return new GatewayConfig(gatewayId, brokerUrl, username, password, trustStore, trustStorePassword, queueDir,
                queueMaxBytes, fsync, batchMaxSamples, batchMaxAge, v, simulate, seed, speed, loop,
                faults, fleet, allowList, minRssi, rateHz, reconnectMin, reconnectMax, watchdogPeriods, scanInterval, connectConcurrency, delivery);
    }

    /** Runs the simulator's {@code scenario} instead of Bluetooth. */
    public GatewayConfig withSimulation(String scenario, long seedV, double speedV, boolean loopV, String faultsV) {
        return new GatewayConfig(gatewayId, brokerUrl, username, password, trustStore, trustStorePassword, queueDir,
                queueMaxBytes, fsync, batchMaxSamples, batchMaxAge, statusInterval, scenario, seedV, speedV, loopV,
                faultsV, fleet, allowList, minRssi, rateHz, reconnectMin, reconnectMax, watchdogPeriods, scanInterval, connectConcurrency, delivery);
    }

    /** Gives the simulated devices other addresses (see {@code SimulationOptions.fleet}). */
    public GatewayConfig withSimulationFleet(int v) {
        return new GatewayConfig(gatewayId, brokerUrl, username, password, trustStore, trustStorePassword, queueDir,
                queueMaxBytes, fsync, batchMaxSamples, batchMaxAge, statusInterval, simulate, seed, speed, loop,
                faults, v, allowList, minRssi, rateHz, reconnectMin, reconnectMax, watchdogPeriods, scanInterval, connectConcurrency, delivery);
    }

    public GatewayConfig withDeviceFilter(Set<String> allow, Integer minRssiV) {
        return new GatewayConfig(gatewayId, brokerUrl, username, password, trustStore, trustStorePassword, queueDir,
                queueMaxBytes, fsync, batchMaxSamples, batchMaxAge, statusInterval, simulate, seed, speed, loop,
                faults, fleet, allow, minRssiV, rateHz, reconnectMin, reconnectMax, watchdogPeriods, scanInterval, connectConcurrency, delivery);
    }

    public GatewayConfig withRateHz(Integer v) {
        return new GatewayConfig(gatewayId, brokerUrl, username, password, trustStore, trustStorePassword, queueDir,
                queueMaxBytes, fsync, batchMaxSamples, batchMaxAge, statusInterval, simulate, seed, speed, loop,
                faults, fleet, allowList, minRssi, v, reconnectMin, reconnectMax, watchdogPeriods, scanInterval, connectConcurrency, delivery);
    }

    public GatewayConfig withReconnect(Duration min, Duration max, int watchdog) {
        return new GatewayConfig(gatewayId, brokerUrl, username, password, trustStore, trustStorePassword, queueDir,
                queueMaxBytes, fsync, batchMaxSamples, batchMaxAge, statusInterval, simulate, seed, speed, loop,
                faults, fleet, allowList, minRssi, rateHz, min, max, watchdog, scanInterval, connectConcurrency, delivery);
    }

    public GatewayConfig withScanInterval(Duration v) {
        return new GatewayConfig(gatewayId, brokerUrl, username, password, trustStore, trustStorePassword, queueDir,
                queueMaxBytes, fsync, batchMaxSamples, batchMaxAge, statusInterval, simulate, seed, speed, loop,
                faults, fleet, allowList, minRssi, rateHz, reconnectMin, reconnectMax, watchdogPeriods, v, connectConcurrency, delivery);
    }

    /** At most this many devices connect at once; the others wait their turn (not a failed attempt). */
    public GatewayConfig withConnectConcurrency(int v) {
        return new GatewayConfig(gatewayId, brokerUrl, username, password, trustStore, trustStorePassword, queueDir,
                queueMaxBytes, fsync, batchMaxSamples, batchMaxAge, statusInterval, simulate, seed, speed, loop,
                faults, fleet, allowList, minRssi, rateHz, reconnectMin, reconnectMax, watchdogPeriods, scanInterval, v,
                delivery);
    }

    @Override
    public String toString() {
        return "GatewayConfig[gateway=" + gatewayId + ", broker=" + brokerUrl + ", user=" + username
                + ", password=" + (password == null ? "none" : "***") + ", queue=" + queueDir + " (max "
                + queueMaxBytes + " B, fsync " + fsync + "), batch=" + batchMaxSamples + "/" + batchMaxAge.toMillis()
                + " ms, simulate=" + simulate + ", allow=" + allowList + ", minRssi=" + minRssi + "]";
    }

    /** When batches leave the queue (see {@link DeliverySettings}). */
    public GatewayConfig withDelivery(DeliverySettings v) {
        return new GatewayConfig(gatewayId, brokerUrl, username, password, trustStore, trustStorePassword, queueDir,
                queueMaxBytes, fsync, batchMaxSamples, batchMaxAge, statusInterval, simulate, seed, speed, loop,
                faults, fleet, allowList, minRssi, rateHz, reconnectMin, reconnectMax, watchdogPeriods, scanInterval, connectConcurrency, v);
    }
}
