package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * A sample's identity (device, boot, seq) folded into one ordered number per device, its
 * position {@code boot × 2^40 + seq} (PROTOCOL.md §3.3). Storage, tracking and sessions work on
 * positions, so samples of a new boot follow those of the old one and never collide with them;
 * a device without a boot record has boot 0 and position = seq.
 */
public final class SampleIdentity {

    /** Bits of the seq inside a position. */
    public static final int SEQ_BITS = 40;

    private SampleIdentity() {
    }

    /** The position of (boot, seq). */
    public static long position(long boot, long seq) {
        return (boot << SEQ_BITS) | seq;
    }

    /** The boot of a position. */
    public static long boot(long position) {
        return position >>> SEQ_BITS;
    }

    /** The seq of a position. */
    public static long seq(long position) {
        return position & SampleBatch.MAX_SEQ;
    }

    /** The batch with each sample's seq replaced by its position, and boot 0 (already folded in). */
    static SampleBatch toPositions(SampleBatch b) {
        if (b.boot() == 0) {
            return b;
        }
        List<Sample> out = new ArrayList<>(b.samples().size());
        for (Sample s : b.samples()) {
            out.add(new Sample(position(b.boot(), s.seq()), s.t(), s.pitch(), s.roll(), s.p(), s.battery()));
        }
        return new SampleBatch(b.v(), b.gateway(), b.device(), b.batch(), b.sentAt(), out, 0L);
    }
}
