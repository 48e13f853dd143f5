package dev.spinetrack.server.broker;

import java.util.Objects;

/**
 * The MQTT broker the server (and in demo mode the gateway) talks to.
 *
 * @param url      e.g. {@code tcp://127.0.0.1:1883}
 * @param embedded whether it is the broker this process started
 */
public record BrokerAddress(String url, boolean embedded) {
    public BrokerAddress {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("tcp://") && !url.startsWith("ssl://")) {
            throw new IllegalArgumentException("broker url must start with tcp:// or ssl://, was " + url);
        }
    }
}
