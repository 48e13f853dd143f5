package dev.spinetrack.server.security;

import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.broker.MqttGuard;
import dev.spinetrack.server.broker.MqttRights;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The embedded broker's rule for gateways: a registered gateway (user name = its id, password
 * = its secret) may publish only under {@code spinetrack/v1/{id}/#} and subscribe only to the
 * server's storage confirmations {@code spinetrack/v1/{id}/+/stored} and their bundles
 * {@code spinetrack/v1/{id}/stored} (PROTOCOL.md §7.7). Nobody else but the
 * server gets in; in particular no gateway reads samples.
 */
@Singleton
public class GatewayGuard implements MqttGuard {

    private final Gateways gateways;

    public GatewayGuard(Gateways gateways) {
        this.gateways = gateways;
    }

    @Override
    public Optional<MqttRights> authenticate(String clientId, String username, byte[] password) {
        if (username == null || !Topics.validGatewayId(username)) {
            return Optional.empty();
        }
        return gateways.verify(username, password).map(owner -> rightsOf(username));
    }

    /** What gateway {@code id} may do. */
    public static MqttRights rightsOf(String id) {
        String root = Topics.ROOT + "/" + id;
        return new MqttRights(List.of(root + "/#"), List.of(root + "/+/stored", root + "/stored"));
    }
}
