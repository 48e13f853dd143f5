package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.mqtt.Sample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The block text, against lines written by hand from its documented form. */
class SampleBlockTest {

    @Test
    void linesReadAsDocumented() {
        // "seq t pitch roll battery pressures", battery '-' when absent; pressures in the
        // decimal form PressureCodec still reads, and doubles as PostgreSQL writes them
        List<Sample> s = SampleBlock.decode("7 1000 1.5 -2e-05 - 0.5,1.25\n9 1010 0 90 100 3.0,4.0");
        assertEquals(2, s.size());
        assertEquals(7, s.get(0).seq());
        assertEquals(1000, s.get(0).t());
        assertEquals(1.5, s.get(0).pitch());
        assertEquals(-2e-5, s.get(0).roll());
        assertNull(s.get(0).battery());
        assertArrayEquals(new double[]{0.5, 1.25}, s.get(0).p());
        assertEquals(100, s.get(1).battery());
        assertArrayEquals(new long[]{7, 9}, SampleBlock.seqs("7 1000 1.5 -2e-05 - 0.5,1.25\n9 1010 0 90 100 3.0,4.0"));
    }

    @Test
    void whatIsWrittenReadsBackExactly() {
        List<Sample> in = List.of(new Sample(1, 2, 1.0 / 3, -179.99999999999997, new double[]{Double.MIN_VALUE, 1e300}, 0),
                new Sample(5, 3, 0.1, 0.2, new double[]{0.30000000000000004}, null));
        List<Sample> out = SampleBlock.decode(SampleBlock.encode(in));
        for (int i = 0; i < in.size(); i++) {
            assertTrue(SampleBlock.sameContent(in.get(i), out.get(i)), "sample " + i);
            assertEquals(in.get(i).seq(), out.get(i).seq());
        }
    }

    @Test
    void blocksAreCutBySizeAndBySpan() {
        List<Sample> sorted = new ArrayList<>();
        for (int i = 0; i < SampleBlock.MAX_SAMPLES + 5; i++) {
            sorted.add(new Sample(i, i, 0, 0, new double[]{1}, null));
        }
        sorted.add(new Sample(SampleBlock.MAX_SAMPLES + 5 + SampleBlock.SPAN, 9, 0, 0, new double[]{1}, null));
        List<List<Sample>> blocks = SampleBlock.cut(sorted);
        assertEquals(List.of(SampleBlock.MAX_SAMPLES, 5, 1), blocks.stream().map(List::size).toList());
    }

    @Test
    void aMalformedLineIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SampleBlock.decode("7 1000 1.5"));
        assertTrue(e.getMessage().contains("7 1000 1.5"), e.getMessage());
    }
}
