package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.SampleBatch;

/**
 * What the server's {@code stored} confirmation names a sample batch by (PROTOCOL.md §7.6): its
 * gateway, device, boot and the seq of its first and last sample, as the gateway sent them.
 *
 * @param gateway  gateway id
 * @param device   device id
 * @param boot     boot counter, 0 when the batch carried none
 * @param firstSeq seq of the first sample
 * @param lastSeq  seq of the last sample
 */
record ConfirmKey(String gateway, String device, long boot, long firstSeq, long lastSeq) {

    /** The key of a batch as received (seqs, not positions). */
    static ConfirmKey of(SampleBatch b) {
        return new ConfirmKey(b.gateway(), b.device(), b.boot(), b.firstSeq(), b.lastSeq());
    }
}
