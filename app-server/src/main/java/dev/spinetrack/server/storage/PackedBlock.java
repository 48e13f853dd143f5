package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.mqtt.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binary form of a stored block of one device's samples (column {@code sample_blocks.packed},
 * migration 52), which replaced the text form of {@link SampleBlock} for new blocks: profiles of
 * ingest showed a block's text (every pressure's eight bytes in Base64, then the whole text
 * checked and hashed as characters by the database) costing more than half of the storing
 * thread's time under a flood. Layout, all integers unsigned LEB128 varints unless said:
 * <pre>
 * version        one byte, 1
 * samples        varint
 * per sample, in seq order:
 *   seq          varint: the first sample's seq, then the difference to the previous (seqs rise)
 *   t            zigzag varint: the first sample's t, then the difference to the previous
 *   pitch, roll  the doubles' IEEE 754 bits, 8 bytes each, big-endian
 *   battery      varint: 0 when absent, else battery + 1 (0..100 when present)
 *   pressures    varint count, then per cell x = its IEEE 754 bits XOR the same cell's bits in
 *                the sample before (0 for the first sample, and for cells it lacked):
 *                x = 0 is the byte 00; else with z leading and r trailing zero bytes of x
 *                the byte 1 + 8z + r, then x's 8 - z - r middle bytes, big-endian
 * </pre>
 * Doubles are kept bit for bit, so a stored sample reads back identical to the one received.
 * A cell that reads the same as in the sample before (an unloaded cell's zero, a held pressure)
 * costs one byte instead of eight: a block of resting racks packs to a fraction of its raw size
 * before the database compresses anything (PostgreSQL leaves rows under 2 kB uncompressed).
 */
public final class PackedBlock {

    /** The one layout so far; a reader refuses others by name. */
    static final int VERSION = 1;

    private PackedBlock() {
    }

    /** The packed form of samples sorted by seq (rising, distinct). */
    static byte[] encode(List<Sample> samples) {
        int cells = samples.isEmpty() ? 0 : samples.get(0).p().length;
        Writer w = new Writer(8 + samples.size() * (32 + 8 * cells));
        w.b[w.n++] = VERSION;
        w.varint(samples.size());
        long seq = 0;
        long t = 0;
        long[] previous = new long[Math.max(cells, 1)];
        for (Sample s : samples) {
            w.varint(s.seq() - seq);
            w.varint(zigzag(s.t() - t));
            seq = s.seq();
            t = s.t();
            w.bits(s.pitch());
            w.bits(s.roll());
            w.varint(s.battery() == null ? 0 : s.battery() + 1L);
            double[] p = s.p();
            w.varint(p.length);
            if (p.length > previous.length) {
                previous = Arrays.copyOf(previous, p.length);
            }
            for (int c = 0; c < p.length; c++) {
                long bits = Double.doubleToRawLongBits(p[c]);
                w.xor(bits ^ previous[c]);
                previous[c] = bits;
            }
        }
        return Arrays.copyOf(w.b, w.n);
    }

    /** The samples of a packed block, in its order. */
    public static List<Sample> decode(byte[] packed) {
        Reader r = new Reader(packed);
        int n = r.length();
        List<Sample> out = new ArrayList<>(n);
        long seq = 0;
        long t = 0;
        long[] previous = new long[32];
        for (int i = 0; i < n; i++) {
            seq += r.varint();
            t += unzigzag(r.varint());
            double pitch = r.bits();
            double roll = r.bits();
            long battery = r.varint();
            double[] p = new double[r.length()];
            if (p.length > previous.length) {
                previous = Arrays.copyOf(previous, p.length);
            }
            for (int c = 0; c < p.length; c++) {
                previous[c] ^= r.xor();
                p[c] = Double.longBitsToDouble(previous[c]);
            }
            out.add(new Sample(seq, t, pitch, roll, p, battery == 0 ? null : (int) (battery - 1)));
        }
        r.end();
        return out;
    }

    /** The seqs of a packed block, skipping the rest of each sample. */
    public static long[] seqs(byte[] packed) {
        Reader r = new Reader(packed);
        long[] out = new long[r.length()];
        long seq = 0;
        for (int i = 0; i < out.length; i++) {
            seq += r.varint();
            out[i] = seq;
            r.varint(); // t
            r.skip(16); // pitch, roll
            r.varint(); // battery
            for (int c = r.length(); c > 0; c--) {
                r.skipXor();
            }
        }
        r.end();
        return out;
    }

    /** The samples of a stored block: its packed form, or for blocks stored before it, its text. */
    public static List<Sample> decode(String text, byte[] packed) {
        return packed != null ? decode(packed) : SampleBlock.decode(text);
    }

    /** The seqs of a stored block: its packed form, or for blocks stored before it, its text. */
    public static long[] seqs(String text, byte[] packed) {
        return packed != null ? seqs(packed) : SampleBlock.seqs(text);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static final class Writer {
        byte[] b;
        int n;

        Writer(int capacity) {
            b = new byte[capacity];
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                b[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            b[n++] = (byte) v;
        }

        void bits(double d) {
            ensure(8);
            long v = Double.doubleToRawLongBits(d);
            for (int shift = 56; shift >= 0; shift -= 8) {
                b[n++] = (byte) (v >>> shift);
            }
        }

        void xor(long x) {
            ensure(9);
            if (x == 0) {
                b[n++] = 0;
                return;
            }
            int lead = Long.numberOfLeadingZeros(x) >>> 3;
            int trail = Long.numberOfTrailingZeros(x) >>> 3;
            b[n++] = (byte) (1 + 8 * lead + trail);
            for (int shift = 56 - 8 * lead; shift >= 8 * trail; shift -= 8) {
                b[n++] = (byte) (x >>> shift);
            }
        }

        private void ensure(int more) {
            if (n + more > b.length) {
                b = Arrays.copyOf(b, Math.max(b.length * 2, n + more));
            }
        }
    }

    /** Reads a packed block, failing with where it is malformed rather than reading past it. */
    private static final class Reader {
        private final byte[] b;
        private int at;

        Reader(byte[] b) {
            this.b = b;
            if (b.length == 0 || b[0] != VERSION) {
                throw malformed("layout version " + (b.length == 0 ? "missing" : String.valueOf(b[0] & 0xff))
                        + ", this server reads " + VERSION);
            }
            at = 1;
        }

        /** A count of following items, each at least one byte: no more than the bytes left. */
        int length() {
            long v = varint();
            if (v > b.length - at) {
                throw malformed("a count of " + v + " with " + (b.length - at) + " bytes left");
            }
            return (int) v;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= b.length) {
                    throw malformed("a number cut off at byte " + at);
                }
                byte x = b[at++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
            }
            throw malformed("a number longer than 10 bytes at byte " + at);
        }

        double bits() {
            if (at + 8 > b.length) {
                throw malformed("a value cut off at byte " + at);
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (b[at++] & 0xff);
            }
            return Double.longBitsToDouble(v);
        }

        long xor() {
            int head = header();
            if (head == 0) {
                return 0;
            }
            int lead = (head - 1) >>> 3;
            int trail = (head - 1) & 7;
            long x = 0;
            for (int i = 8 - lead - trail; i > 0; i--) {
                x = (x << 8) | (b[at++] & 0xff);
            }
            return x << (8 * trail);
        }

        void skipXor() {
            int head = header();
            if (head != 0) {
                at += 8 - ((head - 1) >>> 3) - ((head - 1) & 7);
            }
        }

        /** A pressure's header byte, checked, with its middle bytes known to be there. */
        private int header() {
            if (at >= b.length) {
                throw malformed("a pressure cut off at byte " + at);
            }
            int head = b[at++] & 0xff;
            if (head == 0) {
                return 0;
            }
            int lead = (head - 1) >>> 3;
            int trail = (head - 1) & 7;
            if (head > 64 || lead + trail > 7) {
                throw malformed("pressure header " + head + " at byte " + (at - 1));
            }
            if (at + 8 - lead - trail > b.length) {
                throw malformed("a pressure cut off at byte " + at);
            }
            return head;
        }

        void skip(long bytes) {
            if (at + bytes > b.length) {
                throw malformed("values cut off at byte " + at);
            }
            at += (int) bytes;
        }

        void end() {
            if (at != b.length) {
                throw malformed((b.length - at) + " bytes after the last sample");
            }
        }

        private IllegalStateException malformed(String what) {
            return new IllegalStateException("stored packed sample block (" + b.length + " bytes) is malformed: " + what);
        }
    }
}
