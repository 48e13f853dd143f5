package dev.spinetrack.gateway.batch;

import dev.spinetrack.protocol.mqtt.SampleBatch;

/** Takes sealed batches (the durable queue, in the gateway). */
public interface BatchSink {
    /** Stores a batch; returns false when it was refused (queue full). */
    boolean accept(SampleBatch batch);
}
