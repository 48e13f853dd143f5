package dev.spinetrack.server.broker;

import java.util.Objects;

/**
 * The MQTT broker the server (and in demo mode the gateway) talks to.
 *
 * @param url      e.g. {@code tcp://127.0.0.1:1883}
 * @param embedded whether it is the broker this process started
 * @param username the server's MQTT user name there, or null
 * @param password its password, or null
 */
public record BrokerAddress(String url, boolean embedded, String username, String password) {

    /** An address without credentials. */
    public BrokerAddress(String url, boolean embedded) {
        this(url, embedded, null, null);
    }

    /** The same broker, with the server's credentials. */
    public BrokerAddress withCredentials(String user, String pass) {
        return new BrokerAddress(url, embedded, user, pass);
    }

    @Override
    public String toString() {
        return "BrokerAddress[" + url + (embedded ? ", embedded" : "") + (username == null ? "" : ", user " + username)
                + "]";
    }

    public BrokerAddress {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("tcp://") && !url.startsWith("ssl://")) {
            throw new IllegalArgumentException("broker url must start with tcp:// or ssl://, was " + url);
        }
    }
}
