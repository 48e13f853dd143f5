package dev.spinetrack.server.broker;

import java.util.Optional;

/**
 * Decides who may connect to the embedded broker and what they may do there. The embedded
 * HiveMQ's extension ({@link GuardExtension}) asks it on every CONNECT.
 */
@FunctionalInterface
public interface MqttGuard {

    /**
     * The rights of a client presenting these credentials.
     *
     * @param clientId MQTT client id
     * @param username user name, or null
     * @param password password bytes, or null
     * @return empty to refuse the connection
     */
    Optional<MqttRights> authenticate(String clientId, String username, byte[] password);
}
