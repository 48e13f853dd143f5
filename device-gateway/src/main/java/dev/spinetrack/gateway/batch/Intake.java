package dev.spinetrack.gateway.batch;

import dev.spinetrack.protocol.mqtt.Sample;

/**
 * Where the batcher records, before a sample enters an open batch, that the gateway holds it,
 * and after a batch was handed to its sink, that the device's open samples are sealed. The
 * gateway backs it with an on-disk log ({@code queue.IntakeLog}) so that a process killed with
 * batches still open loses nothing: on the next start the samples written but not sealed are
 * sealed into the durable queue. Called under the batcher's lock, in the order of the stream.
 */
public interface Intake {

    /** The gateway now holds {@code sample} of {@code device}'s boot {@code boot}. */
    void received(String device, long boot, Sample sample);

    /** Every sample of {@code device} received so far went to the sink (stored or refused). */
    void sealed(String device);

    /** An intake that records nothing (tests, and batchers whose loss on a kill is acceptable). */
    Intake NONE = new Intake() {
        @Override
        public void received(String device, long boot, Sample sample) {
        }

        @Override
        public void sealed(String device) {
        }
    };
}
