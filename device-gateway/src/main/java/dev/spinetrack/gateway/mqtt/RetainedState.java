package dev.spinetrack.gateway.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's retained state (each device's info and link status, the gateway's status): the
 * latest payload of each topic, and the topics the broker may not hold in that latest form yet,
 * oldest first. The outbox publishes due topics and marks one due again when its publication did
 * not reach the broker; a reconnect makes every topic due. Thread-safe.
 */
final class RetainedState {

    private static final Logger LOG = LoggerFactory.getLogger(RetainedState.class);

    private final Map<String, byte[]> latest = new LinkedHashMap<>();
    private final Set<String> due = new LinkedHashSet<>();

    /** Sets a topic's state; it is due until published. */
    synchronized void put(String topic, byte[] payload) {
        latest.put(topic, payload);
        due.add(topic);
    }

    /** The oldest due topic with its latest payload, no longer due; null when none is. */
    synchronized Map.Entry<String, byte[]> nextDue() {
        Iterator<String> it = due.iterator();
        if (!it.hasNext()) {
            return null;
        }
        String topic = it.next();
        it.remove();
        return new AbstractMap.SimpleImmutableEntry<>(topic, latest.get(topic));
    }

    /** A publication of the topic did not reach the broker: due again (with whatever is latest then). */
    synchronized void again(String topic) {
        due.add(topic);
    }

    /** After a connect: the broker may have lost any of it. */
    synchronized void allDue() {
        due.addAll(latest.keySet());
    }

    /**
     * Publishes a due topic's state, retained, QoS 1. {@code released} runs when the publication
     * gives up its place in the in-flight window: at its PUBACK (a broker's refusal is logged, not
     * tried again until the state changes or the gateway reconnects: it would only repeat), or when
     * it did not reach the broker (Paho's window was full, the connection went), the topic then
     * being due again.
     */
    void publish(MqttAsyncClient client, String topic, byte[] payload, Runnable released) {
        try {
            client.publish(topic, payload, 1, true, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                        LOG.warn("broker refused retained state on {} with reason 0x{}", topic,
                                Integer.toHexString(codes[0]));
                    }
                    released.run();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    again(topic);
                    released.run();
                }
            });
        } catch (MqttException e) {
            again(topic);
            released.run();
            if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                MqttOutbox.sleepQuietly(2); // Paho's window is full (its count is not the outbox's): shortly
            }
        }
    }

    /** Publishes a final state (e.g. OFFLINE at shutdown) and waits for it, waiting for room in Paho's window until {@code untilNanos}. */
    static void publishNow(MqttAsyncClient client, String topic, byte[] payload, long untilNanos) throws MqttException {
        while (true) {
            try {
                client.publish(topic, payload, 1, true).waitForCompletion(2_000);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || System.nanoTime() > untilNanos) {
                    throw e;
                }
                MqttOutbox.sleepQuietly(5);
            }
        }
    }
}
