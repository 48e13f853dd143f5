package dev.spinetrack.gateway.mqtt;

import dev.spinetrack.transport.BufferedSocketFactory;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import java.nio.charset.StandardCharsets;

/** The gateway's MQTT 5 connect options: clean start, LWT, credentials, TLS. */
final class MqttOptions {

    private MqttOptions() {
    }

    static MqttConnectionOptions of(MqttSettings settings) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        // A clean start on every connect: the durable queue is the store of record and everything
        // unconfirmed is published again after a reconnect, so neither Paho's in-flight state nor a
        // broker session is needed. Paho re-sending its old in-flight PUBLISHes into a restarted
        // broker's new session (with topic aliases that session never saw) made Mosquitto drop the
        // connection for a protocol error on every reconnect, so the gateway never drained.
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
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
            o.setSocketFactory(new BufferedSocketFactory()); // buffered reads; samples leave at once
        }
        return o;
    }
}
