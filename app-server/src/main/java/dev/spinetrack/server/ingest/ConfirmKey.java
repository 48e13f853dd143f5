package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.SampleBatch;

/**
 * What the server's {@code stored} confirmation names a sample batch by (PROTOCOL.md §7.6): its
 * gateway, device, boot and the seq of its first and last sample, as the gateway sent them, and
 * whether it came in a bundle (§7.7), which decides where its confirmation goes.
 *
 * @param gateway  gateway id
 * @param device   device id
 * @param boot     boot counter, 0 when the batch carried none
 * @param firstSeq seq of the first sample
 * @param lastSeq  seq of the last sample
 * @param bundled  whether the batch came in a sample bundle: then it is confirmed in a stored
 *                 bundle on {@code spinetrack/v1/{gateway}/stored}, else on its device's topic
 */
record ConfirmKey(String gateway, String device, long boot, long firstSeq, long lastSeq, boolean bundled) {

    /** The key of a batch that came alone on its device's topic. */
    ConfirmKey(String gateway, String device, long boot, long firstSeq, long lastSeq) {
        this(gateway, device, boot, firstSeq, lastSeq, false);
    }

    /** The key of a batch as received (seqs, not positions) on its device's topic. */
    static ConfirmKey of(SampleBatch b) {
        return new ConfirmKey(b.gateway(), b.device(), b.boot(), b.firstSeq(), b.lastSeq(), false);
    }
}
