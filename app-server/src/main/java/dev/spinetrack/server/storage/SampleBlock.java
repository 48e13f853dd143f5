package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.mqtt.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text of a block of one device's samples as stored before migration 52 (column
 * {@code sample_blocks.data}; new blocks are {@link PackedBlock}s), still read for those
 * blocks, and how a block is cut: one line per sample, in seq order,
 * {@code seq t pitch roll battery pressures} separated by single spaces, the battery {@code -}
 * when absent, the pressures in {@link PressureCodec}'s form. Doubles are written as
 * {@link Double#toString} (the shortest form that reads back to the same double) and read with
 * {@link Double#parseDouble}, which also reads the forms H2 and PostgreSQL write when the
 * migration turns old sample rows into one-sample blocks. Plain text keeps the column portable
 * (a VARCHAR on both databases) and readable in a SQL console.
 */
public final class SampleBlock {

    /** Most samples in one block (a block stays far below the column's million characters). */
    static final int MAX_SAMPLES = 1_000;
    /**
     * A block's seqs lie within {@code [first, first + SPAN)}, so the blocks that may hold a seq
     * range are found with an index range on the last seq alone.
     */
    static final long SPAN = 1L << 20;

    private SampleBlock() {
    }

    /** The block text of samples sorted by seq. */
    static String encode(List<Sample> samples) {
        StringBuilder b = new StringBuilder(samples.size() * 420);
        for (Sample s : samples) {
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(s.seq()).append(' ').append(s.t()).append(' ').append(s.pitch()).append(' ').append(s.roll())
                    .append(' ');
            if (s.battery() == null) {
                b.append('-');
            } else {
                b.append(s.battery().intValue());
            }
            b.append(' ').append(PressureCodec.encode(s.p()));
        }
        return b.toString();
    }

    /** The samples of a block text, in its order. */
    public static List<Sample> decode(String text) {
        List<Sample> out = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = text.length();
            }
            out.add(line(text, at, end));
            at = end + 1;
        }
        return out;
    }

    /** The seqs of a block text, without reading the rest of each line. */
    public static long[] seqs(String text) {
        long[] out = new long[8];
        int n = 0;
        int at = 0;
        while (at < text.length()) {
            int space = text.indexOf(' ', at);
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = Long.parseLong(text, at, space, 10);
            int end = text.indexOf('\n', space);
            at = end < 0 ? text.length() : end + 1;
        }
        return Arrays.copyOf(out, n);
    }

    private static Sample line(String text, int from, int to) {
        int a = text.indexOf(' ', from);
        int b = text.indexOf(' ', a + 1);
        int c = text.indexOf(' ', b + 1);
        int d = text.indexOf(' ', c + 1);
        int e = text.indexOf(' ', d + 1);
        if (a < 0 || b < 0 || c < 0 || d < 0 || e < 0 || e >= to) {
            throw new IllegalStateException("stored sample block line is malformed: "
                    + text.substring(from, Math.min(to, from + 80)));
        }
        long seq = Long.parseLong(text, from, a, 10);
        long t = Long.parseLong(text, a + 1, b, 10);
        double pitch = Double.parseDouble(text.substring(b + 1, c));
        double roll = Double.parseDouble(text.substring(c + 1, d));
        Integer battery = text.charAt(d + 1) == '-' && e == d + 2 ? null : Integer.parseInt(text, d + 1, e, 10);
        return new Sample(seq, t, pitch, roll, PressureCodec.decode(text.substring(e + 1, to)), battery);
    }

    /** Whether two samples of the same identity carry the same content (doubles compared exactly). */
    static boolean sameContent(Sample x, Sample y) {
        return x.t() == y.t() && Double.compare(x.pitch(), y.pitch()) == 0 && Double.compare(x.roll(), y.roll()) == 0
                && Arrays.equals(x.p(), y.p()) && java.util.Objects.equals(x.battery(), y.battery());
    }

    /**
     * Cuts samples sorted by seq into blocks of at most {@link #MAX_SAMPLES} samples whose seqs
     * lie within {@link #SPAN} of the block's first.
     */
    static List<List<Sample>> cut(List<Sample> sorted) {
        List<List<Sample>> blocks = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || i - start >= MAX_SAMPLES
                    || sorted.get(i).seq() - sorted.get(start).seq() >= SPAN) {
                blocks.add(sorted.subList(start, i));
                start = i;
            }
        }
        return blocks;
    }
}
