package dev.spinetrack.gateway.mqtt;

import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;

/** The gateway's MQTT 5 connect options: persistent session, LWT, credentials, TLS. */
final class MqttOptions {

    /** How long the broker keeps the session (and our unacknowledged QoS 1 state) after a disconnect. */
    static final long SESSION_EXPIRY_S = 3600;

    private MqttOptions() {
    }

    static MqttConnectionOptions of(MqttSettings settings) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(SESSION_EXPIRY_S);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(10);
        o.setConnectionTimeout(5);
        o.setWill(settings.willTopic(), new MqttMessage(settings.willPayload(), 1, true, new MqttProperties()));
        if (settings.username() != null) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null) {
            o.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        if (settings.trustStore() != null) {
            o.setSocketFactory(TlsContext.socketFactory(settings.trustStore(), settings.trustStorePassword()));
        } else if (settings.brokerUrl().startsWith("tcp://")) {
            o.setSocketFactory(new BufferedSocketFactory());
        }
        return o;
    }
}
