package dev.spinetrack.server.payload;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a sample batch straight from the payload's bytes when it has exactly the shape gateways
 * write: the batch's and samples' known fields each once, in any order, ASCII strings without
 * escapes, numbers as JSON numbers, nothing after the batch but whitespace. Anything else,
 * unknown fields included, answers {@code null}, and {@link SampleBatchReader} (Jackson's tokens)
 * reads the payload again, falling back to data binding, which decides and words every error.
 * So this reader only ever says "yes, and these are the values" for payloads the token reader
 * would take with the very same values.
 *
 * <p>Why: at flood rates the token reader was the ingest's one serial stage (the MQTT callback
 * thread), most of it in tokenizing numbers into a text buffer before parsing them. Here a number
 * is parsed where it lies. A decimal with at most 18 significant digits and a power of ten within
 * ±22 is one exact IEEE division or multiplication (Clinger's fast path), so correctly rounded, as
 * Jackson's parsing is; every other number goes through {@link Double#parseDouble}. An integer
 * read as a double is the {@code long}'s value, as Jackson gives it (so {@code -0} is {@code 0.0}).
 */
final class BatchBytesReader {

    private static final byte[][] BATCH_FIELDS = names("v", "gateway", "device", "batch", "sentAt", "samples", "boot");
    private static final int V = 1;
    private static final int GATEWAY = 2;
    private static final int DEVICE = 3;
    private static final int BATCH = 4;
    private static final int SENT_AT = 5;
    private static final int SAMPLES = 6;
    private static final int BOOT = 7;
    /** Every batch field but the optional {@code boot}, as bits {@code 1 << field}. */
    private static final int REQUIRED_BATCH = (1 << V) | (1 << GATEWAY) | (1 << DEVICE) | (1 << BATCH) | (1 << SENT_AT)
            | (1 << SAMPLES);

    private static final byte[][] SAMPLE_FIELDS = names("seq", "t", "pitch", "roll", "p", "bat");
    private static final int SEQ = 1;
    private static final int T = 2;
    private static final int PITCH = 3;
    private static final int ROLL = 4;
    private static final int P = 5;
    private static final int BAT = 6;
    private static final int REQUIRED_SAMPLE = (1 << SEQ) | (1 << T) | (1 << PITCH) | (1 << ROLL) | (1 << P);

    /** Significant digits that always fit a long exactly. */
    private static final int MAX_DIGITS = 18;
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = p; // 10^22 is the largest power of ten a double holds exactly
            p *= 10;
        }
    }

    private final byte[] b;
    private int i;
    private double[] scratch = new double[32];

    private BatchBytesReader(byte[] payload) {
        this.b = payload;
    }

    /** The batch, or null when the payload is not in the exact plain shape or a record refuses it. */
    static SampleBatch read(byte[] payload) {
        try {
            return new BatchBytesReader(payload).batch();
        } catch (RuntimeException e) {
            return null; // not plain (NotPlain), or refused by a record: the token reader looks again
        }
    }

    private SampleBatch batch() {
        space();
        expect('{');
        int seen = 0;
        int v = 0;
        String gateway = null;
        String device = null;
        long batch = 0;
        long sentAt = 0;
        long boot = 0;
        List<Sample> samples = null;
        do {
            space();
            int field = name(BATCH_FIELDS);
            if ((seen & (1 << field)) != 0) {
                throw NotPlain.INSTANCE;
            }
            seen |= 1 << field;
            space();
            expect(':');
            space();
            switch (field) {
                case V -> v = Math.toIntExact(integer());
                case GATEWAY -> gateway = string();
                case DEVICE -> device = string();
                case BATCH -> batch = integer();
                case SENT_AT -> sentAt = integer();
                case BOOT -> boot = integer();
                default -> samples = samples();
            }
            space();
        } while (comma('}'));
        space();
        if (i != b.length || (seen & REQUIRED_BATCH) != REQUIRED_BATCH) {
            throw NotPlain.INSTANCE;
        }
        return new SampleBatch(v, gateway, device, batch, sentAt, samples, boot);
    }

    private List<Sample> samples() {
        expect('[');
        List<Sample> out = new ArrayList<>();
        space();
        if (peek() == ']') {
            i++;
            return out;
        }
        do {
            space();
            out.add(sample());
            space();
        } while (comma(']'));
        return out;
    }

    private Sample sample() {
        expect('{');
        int seen = 0;
        long seq = 0;
        long t = 0;
        double pitch = 0;
        double roll = 0;
        double[] pressures = null;
        Integer bat = null;
        do {
            space();
            int field = name(SAMPLE_FIELDS);
            if ((seen & (1 << field)) != 0) {
                throw NotPlain.INSTANCE;
            }
            seen |= 1 << field;
            space();
            expect(':');
            space();
            switch (field) {
                case SEQ -> seq = integer();
                case T -> t = integer();
                case PITCH -> pitch = number();
                case ROLL -> roll = number();
                case P -> pressures = numbers();
                default -> bat = nullLiteral() ? null : Integer.valueOf(Math.toIntExact(integer()));
            }
            space();
        } while (comma('}'));
        if ((seen & REQUIRED_SAMPLE) != REQUIRED_SAMPLE) {
            throw NotPlain.INSTANCE;
        }
        return new Sample(seq, t, pitch, roll, pressures, bat);
    }

    private double[] numbers() {
        expect('[');
        double[] buf = scratch;
        int n = 0;
        space();
        if (peek() == ']') {
            i++;
            return new double[0];
        }
        do {
            space();
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, n * 2);
                scratch = buf;
            }
            buf[n++] = number();
            space();
        } while (comma(']'));
        return Arrays.copyOf(buf, n);
    }

    /** After a member or element: true on a comma, false on {@code close}, else not plain. */
    private boolean comma(char close) {
        int c = peek();
        i++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        throw NotPlain.INSTANCE;
    }

    /** An object member's name among {@code names}: its index; an unknown or escaped name is not plain. */
    private int name(byte[][] names) {
        expect('"');
        int start = i;
        int end = closingQuote();
        int length = end - start;
        for (int k = 1; k < names.length; k++) {
            byte[] n = names[k];
            if (n.length == length && Arrays.equals(b, start, end, n, 0, length)) {
                return k;
            }
        }
        throw NotPlain.INSTANCE;
    }

    private String string() {
        expect('"');
        int start = i;
        int end = closingQuote();
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** Moves past the closing quote of a string of printable ASCII without escapes; returns its index. */
    private int closingQuote() {
        while (i < b.length) {
            byte c = b[i++];
            if (c == '"') {
                return i - 1;
            }
            if (c == '\\' || c < 0x20) { // bytes >= 0x80 are negative: not plain either
                throw NotPlain.INSTANCE;
            }
        }
        throw NotPlain.INSTANCE;
    }

    private boolean nullLiteral() {
        if (i + 4 <= b.length && b[i] == 'n' && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l') {
            i += 4;
            return true;
        }
        return false;
    }

    /** A JSON integer (no fraction, no exponent) that fits a long. */
    private long integer() {
        boolean negative = peek() == '-';
        if (negative) {
            i++;
        }
        int start = i;
        long value = digits();
        if (i - start > MAX_DIGITS || fractionOrExponent()) {
            throw NotPlain.INSTANCE; // 19 digits may overflow, and Jackson's long would refuse; a float is not a long
        }
        return negative ? -value : value;
    }

    /** A JSON number as a double, as Jackson's {@code getDoubleValue} gives it. */
    private double number() {
        int start = i;
        boolean negative = peek() == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        long mantissa = digits();
        int significant = i - intStart;
        if (mantissa == 0) {
            significant = 0; // "0"
        }
        if (!fractionOrExponent()) {
            if (significant > MAX_DIGITS) {
                return slow(start);
            }
            return (double) (negative ? -mantissa : mantissa); // -0 is 0.0, as Jackson reads an integer
        }
        int exponent = 0;
        if (peek() == '.') {
            i++;
            int fractionStart = i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                if (significant < MAX_DIGITS) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    exponent--;
                    if (mantissa != 0) {
                        significant++;
                    }
                } else if (b[i] != '0') {
                    significant++; // one digit too many to be exact: parsed the slow way below
                }
                i++;
            }
            if (i == fractionStart) {
                throw NotPlain.INSTANCE; // "1." is not JSON
            }
        }
        int c = peek();
        if (c == 'e' || c == 'E') {
            i++;
            boolean negativeExponent = false;
            c = peek();
            if (c == '-' || c == '+') {
                negativeExponent = c == '-';
                i++;
            }
            int expStart = i;
            int e = 0;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                e = Math.min(e * 10 + (b[i] - '0'), 100_000);
                i++;
            }
            if (i == expStart) {
                throw NotPlain.INSTANCE;
            }
            exponent += negativeExponent ? -e : e;
        }
        if (significant > MAX_DIGITS || exponent < -22 || exponent > 22 || mantissa > (1L << 53)) {
            return slow(start);
        }
        double d = exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent] : mantissa * POWERS_OF_TEN[exponent];
        return negative ? -d : d;
    }

    private double slow(int start) {
        return Double.parseDouble(new String(b, start, i - start, StandardCharsets.ISO_8859_1));
    }

    /**
     * The digits of a JSON number's integer part: a lone 0 or 1-9 then digits (a leading zero
     * before more digits is not JSON); their value while it fits 18 digits.
     */
    private long digits() {
        int start = i;
        long value = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            if (i - start < MAX_DIGITS) {
                value = value * 10 + (b[i] - '0');
            }
            i++;
        }
        if (i == start || (b[start] == '0' && i - start > 1)) {
            throw NotPlain.INSTANCE;
        }
        return value;
    }

    private boolean fractionOrExponent() {
        int c = peek();
        return c == '.' || c == 'e' || c == 'E';
    }

    /** JSON's whitespace. */
    private void space() {
        while (i < b.length) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            i++;
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw NotPlain.INSTANCE;
        }
        i++;
    }

    private int peek() {
        return i < b.length ? b[i] : -1;
    }

    private static byte[][] names(String... names) {
        byte[][] out = new byte[names.length + 1][]; // field ids start at 1
        out[0] = new byte[0];
        for (int k = 0; k < names.length; k++) {
            out[k + 1] = names[k].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /** The payload leaves the plain shape; caught in {@link #read}. */
    private static final class NotPlain extends RuntimeException {
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }
}
