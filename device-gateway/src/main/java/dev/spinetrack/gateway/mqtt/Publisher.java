package dev.spinetrack.gateway.mqtt;

import dev.spinetrack.gateway.queue.DurableQueue;
import dev.spinetrack.gateway.queue.QueuedMessage;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Paho side of {@link MqttOutbox}: publishes one queued batch or one sample bundle QoS 1 and
 * reads its PUBACK. What the outcome means for the outbox's state (the in-flight count, the
 * cursor, parked batches) it reports through {@link Outcomes}; with delivery on PUBACK it
 * acknowledges the queue itself.
 */
final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    /** What the outbox does with the outcome of a publication. */
    interface Outcomes {
        /** The publication is over (PUBACK or failure); {@code ok} false resends from the queue head. */
        void finished(long gen, boolean ok);

        /** The broker refused these batches with an error reason: park them. */
        void refused(List<Long> indices);

        /**
         * Paho's window had no room: nothing went out. {@code awaitsServer}: the batches are in the
         * unconfirmed set and go again soon; else the cursor goes back to {@code indices.get(0)}.
         */
        void noRoom(long gen, List<Long> indices, boolean awaitsServer);
    }

    private final MqttAsyncClient client;
    private final DurableQueue queue;
    private final Duration park;
    private final Outcomes outcomes;
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong samplesOut = new AtomicLong();

    Publisher(MqttAsyncClient client, DurableQueue queue, Duration park, Outcomes outcomes) {
        this.client = client;
        this.queue = queue;
        this.park = park;
        this.outcomes = outcomes;
    }

    /** Batches the broker refused with an error reason (each refusal counted). */
    long refusals() {
        return refusals.get();
    }

    /** Samples of batches that left the queue at their PUBACK (delivery without server confirmation). */
    long samplesOutOnPuback() {
        return samplesOut.get();
    }

    /**
     * Publishes a queued message on its own topic.
     *
     * @param awaitsServer whether it stays queued after its PUBACK until the server confirms it
     */
    void send(QueuedMessage m, long gen, boolean awaitsServer) {
        publish(m.topic(), m.payload(), gen, List.of(m.index()), awaitsServer, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int code = refusalCode(token);
                if (code >= 0) {
                    long n = refusals.incrementAndGet();
                    if (awaitsServer) {
                        // park only this batch: other devices' batches go on
                        if (n <= 10 || n % 100 == 0) {
                            LOG.warn("broker refused message {} on {} with reason 0x{} ({} refusal(s)); it stays "
                                    + "queued and is tried again in {} s", m.index(), m.topic(),
                                    Integer.toHexString(code), n, park.toSeconds());
                        }
                        outcomes.refused(List.of(m.index()));
                        outcomes.finished(gen, true);
                        return;
                    }
                    LOG.warn("broker refused message {} on {} with reason 0x{}; it stays queued",
                            m.index(), m.topic(), Integer.toHexString(code));
                    outcomes.finished(gen, false);
                    return;
                }
                if (!awaitsServer) {
                    try {
                        if (queue.ack(m.index())) {
                            samplesOut.addAndGet(m.weight());
                        }
                    } catch (IOException e) {
                        LOG.warn("recording the PUBACK of message {} failed: {}", m.index(), e.getMessage());
                    }
                }
                outcomes.finished(gen, true); // awaiting the server: the queue keeps it until confirmed
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                // awaiting the server: the batch stays unconfirmed and is published again after
                // the reconnect, so the cursor need not go back
                outcomes.finished(gen, awaitsServer);
            }
        });
    }

    /** Publishes a sample bundle of batches that await the server's confirmation. */
    void sendBundle(SampleBundler bundle, long gen) {
        List<Long> indices = bundle.keys().stream().map(Unconfirmed.Batch::index).toList();
        publish(bundle.topic(), bundle.payload(), gen, indices, true, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int code = refusalCode(token);
                if (code >= 0) {
                    long n = refusals.incrementAndGet();
                    if (n <= 10 || n % 100 == 0) {
                        LOG.warn("broker refused a bundle of {} batches (queue index {}..) with reason 0x{} ({} "
                                + "refusal(s)); they stay queued and are tried again in {} s", indices.size(),
                                indices.get(0), Integer.toHexString(code), n, park.toSeconds());
                    }
                    outcomes.refused(indices);
                }
                outcomes.finished(gen, true); // the queue keeps them until the server confirms
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                outcomes.finished(gen, true); // unconfirmed: published again after the reconnect
            }
        });
    }

    private void publish(String topic, byte[] payload, long gen, List<Long> indices, boolean awaitsServer,
                         MqttActionListener listener) {
        try {
            client.publish(topic, payload, 1, false, null, listener);
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                // Paho's count includes retained publications: send again shortly
                outcomes.noRoom(gen, indices, awaitsServer);
                MqttOutbox.sleepQuietly(2);
            } else {
                outcomes.finished(gen, awaitsServer);
            }
        }
    }

    /** The PUBACK's error reason (≥ 0x80), or -1 when it is a success. */
    private static int refusalCode(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        return codes != null && codes.length > 0 && codes[0] >= 0x80 ? codes[0] : -1;
    }
}
