package dev.spinetrack.gateway.queue;

import java.util.Objects;

/**
 * One message waiting for its PUBACK.
 *
 * @param index   position in the queue, increasing by one per append, never reused
 * @param topic   MQTT topic
 * @param payload MQTT payload
 * @param weight  what the message counts for, e.g. its number of samples
 */
public record QueuedMessage(long index, String topic, byte[] payload, int weight) {
    public QueuedMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, was " + index);
        }
    }
}
