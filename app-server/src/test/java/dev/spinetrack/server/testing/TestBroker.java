package dev.spinetrack.server.testing;

import dev.spinetrack.server.broker.EmbeddedBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The broker for integration tests: {@code spinetrack.it.mqtt} when set (CI's Mosquitto), else
 * an embedded HiveMQ CE on a free port, owned by the test so it outlives server restarts.
 */
public final class TestBroker implements AutoCloseable {

    private final EmbeddedBroker embedded;
    private final String url;

    private TestBroker(EmbeddedBroker embedded, String url) {
        this.embedded = embedded;
        this.url = url;
    }

    public static TestBroker start() {
        String external = System.getProperty("spinetrack.it.mqtt", "");
        if (!external.isBlank()) {
            return new TestBroker(null, external);
        }
        try {
            EmbeddedBroker b = EmbeddedBroker.start(0, Files.createTempDirectory("spinetrack-it-broker"));
            return new TestBroker(b, b.address().url());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
