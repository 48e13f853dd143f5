package dev.spinetrack.server.broker;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Decides which broker the process uses: the configured {@code spinetrack.mqtt.url} (with the
 * server's user name and password from {@code spinetrack.mqtt.username} and
 * {@code spinetrack.mqtt.password} / {@code password-file}, e.g. the environment variable
 * {@code SPINETRACK_MQTT_PASSWORD}), or else an embedded HiveMQ CE broker started here and
 * stopped with the application. The embedded broker admits registered gateways (the
 * {@link MqttGuard} bean) and this server, under a user name and password made up per start.
 */
@Context
public class BrokerConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);

    private final EmbeddedBroker embedded;
    private final BrokerAddress address;

    /** The server's own MQTT user name on the embedded broker. */
    public static final String SERVER_USER = "spinetrack-server";

    public BrokerConnection(MqttSettings settings, @Value("${spinetrack.data-dir:./data}") String dataDir,
                            @Nullable MqttGuard gateways) {
        if (!settings.url().isBlank()) {
            LOG.info("Using the MQTT broker at {}", settings.url());
            this.embedded = null;
            this.address = new BrokerAddress(settings.url(), false).withCredentials(settings.username().isEmpty() ? null : settings.username(),
                    settings.resolvedPassword());
        } else {
            String serverPassword = newSecret();
            MqttGuard guard = gateways == null ? null : (clientId, user, password) -> {
                if (SERVER_USER.equals(user)) {
                    boolean ok = password != null && MessageDigest.isEqual(password,
                            serverPassword.getBytes(StandardCharsets.UTF_8));
                    // the server consumes and confirms every gateway's topics, and fans out live data
                    return ok ? Optional.of(new MqttRights(List.of("#"), List.of("#"))) : Optional.empty();
                }
                return gateways.authenticate(clientId, user, password);
            };
            if (!settings.sharedGroup().isBlank()) {
                // the server's password on it is this process's secret: no other instance can consume
                LOG.warn("spinetrack.mqtt.shared-group '{}' is set, but the broker is the embedded one, which only this "
                        + "instance can consume from; several instances need an external broker (spinetrack.mqtt.url)",
                        settings.sharedGroup());
            }
            this.embedded = EmbeddedBroker.start(settings.embeddedPort(), Path.of(dataDir, "broker"), guard);
            this.address = embedded.address().withCredentials(SERVER_USER, serverPassword);
        }
    }

    private static String newSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
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
