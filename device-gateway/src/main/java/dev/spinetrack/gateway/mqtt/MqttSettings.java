package dev.spinetrack.gateway.mqtt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the broker.
 *
 * @param brokerUrl          {@code tcp://} or {@code ssl://} URL
 * @param clientId           MQTT client id (the gateway id, so the persistent session survives restarts)
 * @param username           or null
 * @param password           or null
 * @param trustStore         trust store for TLS, or null for the JVM's
 * @param trustStorePassword or null
 * @param willTopic          LWT topic
 * @param willPayload        LWT payload, published retained
 */
public record MqttSettings(String brokerUrl, String clientId, String username, String password, Path trustStore,
                           String trustStorePassword, String willTopic, byte[] willPayload) {
    public MqttSettings {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(willTopic, "willTopic");
        Objects.requireNonNull(willPayload, "willPayload");
    }
}
