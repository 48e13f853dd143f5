package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.mqtt.Sample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packed block layout, against bytes written by hand from its documented form. */
class PackedBlockTest {

    /*
     * 01                      version 1
     * 02                      two samples
     * 07                      seq 7
     * d0 0f                   t 1000: zigzag 2000 = 0x7d0 -> d0 0f
     * 3f f8 00 00 00 00 00 00 pitch 1.5
     * bf f0 00 00 00 00 00 00 roll -1.0
     * 00                      no battery
     * 02                      two pressures
     * 07 3f e0                0.5 = 3fe0000000000000 XOR 0: no leading, 6 trailing zero bytes: 1 + 0 + 6
     * 00                      0.0 XOR 0 = 0
     * 02                      seq 7 + 2 = 9
     * 13                      t 1000 - 10 = 990: zigzag(-10) = 19 = 0x13
     * 00 00 00 00 00 00 00 00 pitch 0.0
     * 40 56 80 00 00 00 00 00 roll 90.0
     * 65                      battery 100 (+1 = 101 = 0x65)
     * 01                      one pressure
     * 07 7f e8                3.0 = 4008000000000000 XOR 0.5's bits = 7fe8000000000000
     */
    private static final String VECTOR = "0102" + "07d00f" + "3ff8000000000000" + "bff0000000000000" + "00" + "02"
            + "073fe0" + "00" + "0213" + "0000000000000000" + "4056800000000000" + "65" + "01" + "077fe8";

    @Test
    void bytesReadAsDocumented() {
        byte[] bytes = HexFormat.of().parseHex(VECTOR);
        List<Sample> s = PackedBlock.decode(bytes);
        assertEquals(List.of(new Sample(7, 1000, 1.5, -1.0, new double[]{0.5, 0.0}, null),
                new Sample(9, 990, 0.0, 90.0, new double[]{3.0}, 100)), s);
        assertArrayEquals(new long[]{7, 9}, PackedBlock.seqs(bytes));
    }

    @Test
    void writtenAsDocumented() {
        byte[] out = PackedBlock.encode(List.of(new Sample(7, 1000, 1.5, -1.0, new double[]{0.5, 0.0}, null),
                new Sample(9, 990, 0.0, 90.0, new double[]{3.0}, 100)));
        assertEquals(VECTOR, HexFormat.of().formatHex(out));
    }

    @Test
    void doublesAndLargePositionsReadBackBitForBit() {
        List<Sample> in = List.of(
                new Sample(0, Long.MIN_VALUE / 4, 1.0 / 3, -89.99999999999997, new double[]{Double.MIN_VALUE, 1e300, -0.0}, 0),
                new Sample((1L << 40) - 1, Long.MAX_VALUE / 4, 0.1, 0.2, new double[]{0.30000000000000004}, null));
        List<Sample> out = PackedBlock.decode(PackedBlock.encode(in));
        assertEquals(in.size(), out.size());
        for (int i = 0; i < in.size(); i++) {
            assertTrue(SampleBlock.sameContent(in.get(i), out.get(i)), "sample " + i + ": " + out.get(i));
            assertEquals(in.get(i).seq(), out.get(i).seq());
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(out.get(0).p()[2]));
    }

    @Test
    void aFullBlockOfRackSamplesRoundTrips() {
        List<Sample> in = new ArrayList<>();
        for (int i = 0; i < SampleBlock.MAX_SAMPLES; i++) {
            double[] p = new double[32];
            for (int c = 0; c < p.length; c++) {
                p[c] = (i * 31 + c * 7) % 97 * 0.25;
            }
            in.add(new Sample(1_000_000 + i * 3L, 1_796_000_000_000L + i * 10L, i % 90, -(i % 90), p, i % 101));
        }
        byte[] packed = PackedBlock.encode(in);
        assertEquals(in, PackedBlock.decode(packed));
        assertEquals(in.stream().mapToLong(Sample::seq).boxed().toList(),
                java.util.Arrays.stream(PackedBlock.seqs(packed)).boxed().toList());
    }

    @Test
    void aCellThatReadsAsBeforeCostsOneByte() {
        double[] p = new double[32];
        p[3] = 12.34;
        p[4] = 0.1 + 0.2;
        List<Sample> same = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            same.add(new Sample(i, i * 10L, 1.0, 2.0, p.clone(), null));
        }
        byte[] packed = PackedBlock.encode(same);
        // per sample: seq 1, t 1, pitch and roll 16, battery 1, count 1; cells: 32 bytes from the second on
        int first = 1 + 1 + 16 + 1 + 1 + 30 + 2 * 9;
        assertEquals(2 + first + 9 * (1 + 1 + 16 + 1 + 1 + 32), packed.length);
        assertEquals(same, PackedBlock.decode(packed));
    }

    @Test
    void oldTextBlocksStillRead() {
        assertArrayEquals(new long[]{7, 9},
                PackedBlock.seqs("7 1000 1.5 -2e-05 - 0.5,1.25\n9 1010 0 90 100 3.0,4.0", null));
        assertEquals(2, PackedBlock.decode("7 1000 1.5 -2e-05 - 0.5,1.25\n9 1010 0 90 100 3.0,4.0", null).size());
    }

    @Test
    void damagedBlocksAreRefusedWithWhere() {
        byte[] bytes = HexFormat.of().parseHex(VECTOR);
        IllegalStateException cut = assertThrows(IllegalStateException.class,
                () -> PackedBlock.decode(java.util.Arrays.copyOf(bytes, bytes.length - 2)));
        assertTrue(cut.getMessage().contains("cut off"), cut.getMessage());
        byte[] other = bytes.clone();
        other[0] = 2;
        IllegalStateException version = assertThrows(IllegalStateException.class, () -> PackedBlock.seqs(other));
        assertTrue(version.getMessage().contains("layout version 2"), version.getMessage());
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        IllegalStateException trailing = assertThrows(IllegalStateException.class, () -> PackedBlock.decode(longer));
        assertTrue(trailing.getMessage().contains("1 bytes after"), trailing.getMessage());
    }
}
