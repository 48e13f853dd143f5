package dev.spinetrack.server.engine.session;

import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.mqtt.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which samples of a batch are stored, and which of the new ones are late (docs/server.md "Out of order"). */
class BatchScreenTest {

    private static final long NOW = 1_780_000_000_000L;

    private static Sample at(long seq, double... p) {
        return new Sample(seq, NOW, 0, 0, p, null);
    }

    private static List<Long> seqs(List<Sample> samples) {
        return samples.stream().map(Sample::seq).toList();
    }

    @Test
    void aBelievableBatchIsKeptWhole() {
        BatchScreen.Screened s = BatchScreen.screen(List.of(at(11, 1, 2), at(12, 3, 4)), 10, NOW, PressureUnit.NEWTON, 2);
        assertEquals(List.of(11L, 12L), seqs(s.kept()));
        assertEquals(0, s.rejected());
        assertNull(s.problem());
    }

    @Test
    void aPressureNoSensorCanReachIsDroppedAndTheRestKept() {
        BatchScreen.Screened s = BatchScreen.screen(List.of(at(11, 1, 2), at(12, 6_000, 4), at(13, 5, 6)), 10, NOW,
                PressureUnit.NEWTON, 2);
        assertEquals(List.of(11L, 13L), seqs(s.kept()));
        assertEquals(1, s.implausible());
        assertEquals(0, s.misfits());
        assertNotNull(s.problem());
    }

    @Test
    void onceTheInfoToldTheChannelCountOthersAreDropped() {
        BatchScreen.Screened s = BatchScreen.screen(List.of(at(11, 1, 2), at(12, 1, 2, 3), at(13, 9_000, 2, 3)), 10,
                NOW, PressureUnit.NEWTON, 2);
        assertEquals(List.of(11L), seqs(s.kept()));
        assertEquals(1, s.implausible());
        assertEquals(1, s.misfits());
        assertEquals(2, s.rejected());
    }

    @Test
    void beforeTheInfoAnyChannelCountIsStored() {
        BatchScreen.Screened s = BatchScreen.screen(List.of(at(0, 1), at(1, 1, 2, 3)), -1, NOW, null, -1);
        assertEquals(List.of(0L, 1L), seqs(s.kept()));
        assertEquals(0, s.rejected());
    }

    @Test
    void samplesAtOrBelowWhatWasTrackedAreLateTheOthersNext() {
        BatchScreen.Arrival a = BatchScreen.split(List.of(at(8, 1), at(11, 1), at(10, 1), at(12, 1)), 10);
        assertEquals(List.of(8L, 10L), seqs(a.late()));
        assertEquals(List.of(11L, 12L), seqs(a.next()));
    }
}
