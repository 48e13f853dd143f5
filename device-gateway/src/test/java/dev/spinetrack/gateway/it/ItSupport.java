package dev.spinetrack.gateway.it;

import dev.spinetrack.gateway.GatewayConfig;
import dev.spinetrack.gateway.mqtt.DeliverySettings;
import dev.spinetrack.gateway.queue.FsyncPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Config shared by the integration tests. */
final class ItSupport {

    private ItSupport() {
    }

    /** A gateway id unique to this run, so tests sharing a broker never collide. */
    static String uniqueGateway(String prefix) {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return prefix + "-" + HexFormat.of().formatHex(b);
    }

    /**
     * A gateway tested alone against a broker: no SpineTrack server confirms its batches, so they
     * leave the queue at their PUBACK ({@code ServerConfirmationIT} covers server confirmations).
     */
    static GatewayConfig config(String gateway, String brokerUrl, Path queueDir) {
        return GatewayConfig.defaults()
                .withDelivery(DeliverySettings.defaults().withServerConfirms(false))
                .withGatewayId(gateway)
                .withBrokerUrl(brokerUrl)
                .withQueue(queueDir, 64L * 1024 * 1024, FsyncPolicy.BEFORE_PUBLISH)
                .withStatusInterval(Duration.ofMillis(500))
                // a watchdog of 100 sample periods (1 s at 100 Hz): these tests are about the broker and
                // the queue, and on a loaded 2-core box the default 10 periods reconnected starved
                // devices, whose gaps then failed them (BrokerOutageIT at load 20)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(500), 100)
                .withScanInterval(Duration.ofMillis(100));
    }
}
