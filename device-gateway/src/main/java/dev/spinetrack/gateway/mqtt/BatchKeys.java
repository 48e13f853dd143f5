package dev.spinetrack.gateway.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.spinetrack.gateway.queue.DurableQueue;
import dev.spinetrack.gateway.queue.QueuedMessage;
import dev.spinetrack.protocol.mqtt.SampleBatch;

import java.io.IOException;
import java.time.Duration;

/**
 * Reads from a queued sample batch what a confirmation names it by: device, boot and the seq of
 * its first and last sample (PROTOCOL.md §7.6), and the seal time for the queue's age. A token
 * scan, not data binding: it runs for every batch published.
 */
final class BatchKeys {

    /** The key and seal time of a batch. */
    record Keyed(Unconfirmed.Batch batch, long sentAt) {
    }

    private BatchKeys() {
    }

    /** Age of the oldest batch in the queue, ms (0 when empty or unreadable), from its seal time. */
    static long oldestAgeMs(DurableQueue queue) {
        try {
            QueuedMessage m = queue.take(queue.head(), Duration.ZERO);
            Keyed k = m == null ? null : of(m);
            return k == null || k.sentAt() <= 0 ? 0 : Math.max(0, System.currentTimeMillis() - k.sentAt());
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The key of a batch as it is queued at {@code index}, taken from the record itself. */
    static Keyed of(long index, SampleBatch b) {
        return new Keyed(new Unconfirmed.Batch(index, b.device(), b.boot() == null ? 0 : b.boot(), b.firstSeq(),
                b.lastSeq(), b.samples().size()), b.sentAt());
    }

    /** The batch's key, or null when the message is not a readable sample batch. */
    static Keyed of(QueuedMessage m) {
        if (!m.topic().endsWith("/samples")) {
            return null;
        }
        String device = null;
        long boot = 0;
        long sentAt = 0;
        long first = -1;
        long last = -1;
        try (JsonParser p = Json.mapper().getFactory().createParser(m.payload())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "device" -> device = p.getText();
                    case "boot" -> boot = p.getLongValue();
                    case "sentAt" -> sentAt = p.getLongValue();
                    case "samples" -> {
                        if (v != JsonToken.START_ARRAY) {
                            return null;
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String field = p.currentName();
                                p.nextToken();
                                if (field.equals("seq")) {
                                    long seq = p.getLongValue();
                                    if (first < 0) {
                                        first = seq;
                                    }
                                    last = seq;
                                } else {
                                    p.skipChildren();
                                }
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (device == null || first < 0) {
            return null;
        }
        return new Keyed(new Unconfirmed.Batch(m.index(), device, boot, first, last, m.weight()), sentAt);
    }
}
