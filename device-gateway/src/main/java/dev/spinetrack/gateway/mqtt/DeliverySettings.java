package dev.spinetrack.gateway.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * When a batch may leave the durable queue (PROTOCOL.md §7.6).
 *
 * @param serverConfirms    true (default): only on the server's {@code stored} confirmation; false: on
 *                          the broker's PUBACK, for a broker with no SpineTrack server behind it (tools, tests
 *                          of the gateway alone); then a broker restart or queue limit can lose data
 * @param maxUnconfirmed    batches published and not yet confirmed, at most; beyond that, batches wait in
 *                          the disk queue, so a slow server pushes back into the gateway and not into the broker
 * @param confirmTimeout    a batch not confirmed this long after it was published is published again …
 * @param maxConfirmTimeout … with the timeout doubling up to this while the server confirms nothing
 * @param park              a batch the broker refused (PUBACK reason ≥ 0x80) is tried again after this
 * @param bundleMax         most batches in one sample bundle (PROTOCOL.md §7.7), 0..1000; 0 or 1: never
 *                          bundle. Bundles go only to a server whose confirmations say it reads them
 * @param bundleLinger      how long a bundle waits for more batches after its first, at most, and only
 *                          while an earlier publication awaits its PUBACK (Nagle's rule)
 */
public record DeliverySettings(boolean serverConfirms, int maxUnconfirmed, Duration confirmTimeout,
                               Duration maxConfirmTimeout, Duration park, int bundleMax, Duration bundleLinger) {

    public DeliverySettings {
        if (maxUnconfirmed < 1 || maxUnconfirmed > 100_000) {
            throw new IllegalArgumentException("max unconfirmed batches must be 1..100000, was " + maxUnconfirmed);
        }
        Objects.requireNonNull(confirmTimeout, "confirmTimeout");
        Objects.requireNonNull(maxConfirmTimeout, "maxConfirmTimeout");
        Objects.requireNonNull(park, "park");
        if (confirmTimeout.toMillis() < 100 || maxConfirmTimeout.compareTo(confirmTimeout) < 0 || park.toMillis() < 100) {
            throw new IllegalArgumentException("confirm timeout must be >= 100 ms and <= its maximum, park >= 100 ms");
        }
        if (bundleMax < 0 || bundleMax > dev.spinetrack.protocol.mqtt.SampleBundle.MAX_BATCHES) {
            throw new IllegalArgumentException("batches per bundle must be 0..1000, was " + bundleMax);
        }
        Objects.requireNonNull(bundleLinger, "bundleLinger");
        if (bundleLinger.isNegative() || bundleLinger.toMillis() > 1_000) {
            throw new IllegalArgumentException("bundle linger must be 0..1000 ms, was " + bundleLinger.toMillis());
        }
    }

    /** Whether sample batches may go out in bundles (to a server that reads them). */
    public boolean bundles() {
        return serverConfirms && bundleMax > 1;
    }

    /**
     * Server confirmation, 4,000 batches in flight, 10 s timeout doubling to 80 s, 30 s park. The
     * window bounds the throughput at window / confirmation time: 200 racks in 20 ms batches send
     * 10,000 batches a second, and a confirmation takes the server's commit plus its linger
     * (100 ms), so 500 held such a gateway at about half its rate. More than a broker queues for
     * a server that is away (Mosquitto: 1,000 per client) comes back after the timeout, behind newer
     * batches; the server stores it and redraws the sessions it changes.
     */
    public static DeliverySettings defaults() {
        return new DeliverySettings(true, 4_000, Duration.ofSeconds(10), Duration.ofSeconds(80), Duration.ofSeconds(30),
                250, Duration.ofMillis(4));
    }

    public DeliverySettings withServerConfirms(boolean v) {
        return new DeliverySettings(v, maxUnconfirmed, confirmTimeout, maxConfirmTimeout, park, bundleMax, bundleLinger);
    }

    public DeliverySettings withMaxUnconfirmed(int v) {
        return new DeliverySettings(serverConfirms, v, confirmTimeout, maxConfirmTimeout, park, bundleMax, bundleLinger);
    }

    /** A confirmation timeout, growing up to 8 times itself while the server confirms nothing. */
    public DeliverySettings withConfirmTimeout(Duration v) {
        return new DeliverySettings(serverConfirms, maxUnconfirmed, v, v.multipliedBy(8), park, bundleMax, bundleLinger);
    }

    /** Bundles of at most {@code max} batches (0 or 1: never), each waiting at most {@code linger} for more. */
    public DeliverySettings withBundles(int max, Duration linger) {
        return new DeliverySettings(serverConfirms, maxUnconfirmed, confirmTimeout, maxConfirmTimeout, park, max, linger);
    }
}
