package dev.spinetrack.server.ingest;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.SamplePosition;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds a batch's (boot, seq) identities into positions ({@link SamplePosition}): storage,
 * tracking and sessions work on positions.
 */
public final class SampleIdentity {

    private SampleIdentity() {
    }

    /** The position of (boot, seq). */
    public static long position(long boot, long seq) {
        return SamplePosition.of(boot, seq);
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
