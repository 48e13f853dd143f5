package dev.spinetrack.gateway.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reconnects with backoff (250 ms doubling to 2 s) until connected or stopped. Our own loop
 * rather than Paho's automatic reconnect, which does not cover a failed first connect and was
 * seen waiting tens of seconds after a broker came back.
 */
final class Reconnector {

    private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);

    private final MqttAsyncClient client;
    private final MqttSettings settings;
    private final BooleanSupplier running;
    private final Consumer<IMqttToken> connected;
    private final AtomicBoolean active = new AtomicBoolean();

    /** @param connected told of each completed connect's token (its CONNACK properties) */
    Reconnector(MqttAsyncClient client, MqttSettings settings, BooleanSupplier running,
                Consumer<IMqttToken> connected) {
        this.client = client;
        this.settings = settings;
        this.running = running;
        this.connected = connected;
    }

    /** Starts the loop unless one is already running. */
    void start() {
        if (!active.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(this::loop, "mqtt-reconnect");
        t.setDaemon(true);
        t.start();
    }

    private void loop() {
        long delay = 250;
        try {
            while (running.getAsBoolean() && !client.isConnected()) {
                try {
                    Thread.sleep(delay);
                    IMqttToken token = client.connect(MqttOptions.of(settings));
                    token.waitForCompletion(6_000);
                    connected.accept(token);
                } catch (InterruptedException e) {
                    return;
                } catch (MqttException e) {
                    delay = Math.min(delay * 2, 2_000);
                    LOG.debug("MQTT reconnect to {} failed: {}", settings.brokerUrl(), e.getMessage());
                }
            }
        } finally {
            active.set(false);
        }
    }
}
