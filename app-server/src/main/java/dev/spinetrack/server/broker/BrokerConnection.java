package dev.spinetrack.server.broker;

import dev.spinetrack.server.broker.MqttSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Decides which broker the process uses: the configured {@code spinetrack.mqtt.url}, or else an
 * embedded HiveMQ CE broker started here at startup and stopped with the application.
 */
@Context
public class BrokerConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);

    private final EmbeddedBroker embedded;
    private final BrokerAddress address;

    public BrokerConnection(MqttSettings settings, @Value("${spinetrack.data-dir:./data}") String dataDir) {
        if (!settings.url().isBlank()) {
            LOG.info("Using the MQTT broker at {}", settings.url());
            this.embedded = null;
            this.address = new BrokerAddress(settings.url(), false);
        } else {
            this.embedded = EmbeddedBroker.start(settings.embeddedPort(), Path.of(dataDir, "broker"));
            this.address = embedded.address();
        }
    }

    /** The broker to connect to. */
    public BrokerAddress address() {
        return address;
    }

    @Override
    @PreDestroy
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
