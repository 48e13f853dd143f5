package dev.spinetrack.gateway.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The outbox's publications awaiting their PUBACK, bounded by what the broker said it takes at
 * once (its Receive Maximum in CONNACK, MQTT 5 §3.2.2.3.3; 65,535 when absent) and by
 * {@link #MOST}. Not thread-safe: the outbox uses it under its lock.
 *
 * <p>Why the bound follows the broker: a fixed 64 held a gateway of 200 racks to 0.77 of its
 * intake on a loaded 2-core box (10,000 batches a second need a PUBACK within 6.4 ms), while a
 * window above the broker's limit makes Paho refuse each publication past it, which the outbox
 * can only retry after a pause (Mosquitto's default limit is 20, HiveMQ's 10).
 */
final class InFlight {

    /** Most publications in flight whatever the broker allows: bounds what Paho holds in memory. */
    static final int MOST = 1000;
    /** Until a CONNACK says otherwise: the smallest common broker default (HiveMQ's). */
    static final int BEFORE_CONNACK = 10;

    private int limit = BEFORE_CONNACK;
    private int count;

    /** The limit a CONNACK's Receive Maximum gives ({@code null}: absent, 65,535). */
    static int limitFor(Integer receiveMaximum) {
        return receiveMaximum == null ? MOST : Math.max(1, Math.min(MOST, receiveMaximum));
    }

    /** Takes the limit from a completed connect's token (its CONNACK properties). */
    void connected(IMqttToken connect) {
        MqttProperties p = connect == null ? null : connect.getResponseProperties();
        limit = limitFor(p == null ? null : p.getReceiveMaximum());
    }

    int limit() {
        return limit;
    }

    boolean full() {
        return count >= limit;
    }

    /** Whether any publication awaits its PUBACK. */
    boolean any() {
        return count > 0;
    }

    /** Publications that may go out now. */
    int room() {
        return Math.max(0, limit - count);
    }

    void sent() {
        count++;
    }

    void done() {
        count--;
    }

    /** After a (re)connect or rewind: nothing of the old connection is awaited. */
    void clear() {
        count = 0;
    }
}
