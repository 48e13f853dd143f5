package dev.spinetrack.server.payload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over a JSON payload's bytes that reads only the plain subset {@link BatchBytesReader}
 * takes: JSON's whitespace and punctuation, member names from a known list, ASCII strings
 * without escapes, {@code null}, and numbers. Whatever leaves that subset throws
 * {@link NotPlain}, for the reader to give up on the payload.
 *
 * <p>Numbers are parsed where they lie. A decimal with at most 18 significant digits and a power
 * of ten within ±22 is one exact IEEE division or multiplication (Clinger's fast path), so
 * correctly rounded, as Jackson's parsing is; every other number goes through
 * {@link Double#parseDouble}. An integer read as a double is the {@code long}'s value, as Jackson
 * gives it (so {@code -0} is {@code 0.0}).
 */
final class PlainJsonBytes {

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
    /** Index just past the last byte to read: a batch inside a bundle is a slice of the message. */
    private final int end;
    private int i;

    PlainJsonBytes(byte[] payload) {
        this(payload, 0, payload.length);
    }

    /** A cursor over {@code length} bytes of {@code payload} from {@code offset}. */
    PlainJsonBytes(byte[] payload, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, payload.length);
        this.b = payload;
        this.i = offset;
        this.end = offset + length;
    }

    /** Moves past an array's opening bracket; false (and past its end) when the array is empty. */
    boolean arrayWithElements() {
        expect('[');
        space();
        if (peek() == ']') {
            i++;
            return false;
        }
        return true;
    }

    /**
     * Moves past an object member's name and the colon after it, with the whitespace around
     * them: the name's index among {@code names}.
     */
    int member(byte[][] names) {
        space();
        int field = name(names);
        space();
        expect(':');
        space();
        return field;
    }

    /** Whether everything was read. */
    boolean atEnd() {
        return i == end;
    }

    /** After a member or element: true on a comma, false on {@code close}, else not plain. */
    boolean comma(char close) {
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
        int stop = closingQuote();
        int length = stop - start;
        for (int k = 1; k < names.length; k++) {
            byte[] n = names[k];
            if (n.length == length && Arrays.equals(b, start, stop, n, 0, length)) {
                return k;
            }
        }
        throw NotPlain.INSTANCE;
    }

    String string() {
        expect('"');
        int start = i;
        int stop = closingQuote();
        return new String(b, start, stop - start, StandardCharsets.ISO_8859_1);
    }

    /** Moves past the closing quote of a string of printable ASCII without escapes; returns its index. */
    private int closingQuote() {
        while (i < end) {
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

    boolean nullLiteral() {
        if (i + 4 <= end && b[i] == 'n' && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l') {
            i += 4;
            return true;
        }
        return false;
    }

    /** A JSON integer (no fraction, no exponent) that fits a long. */
    long integer() {
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
    double number() {
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
            while (i < end && b[i] >= '0' && b[i] <= '9') {
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
            while (i < end && b[i] >= '0' && b[i] <= '9') {
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
        while (i < end && b[i] >= '0' && b[i] <= '9') {
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
    void space() {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            i++;
        }
    }

    void expect(char c) {
        if (peek() != c) {
            throw NotPlain.INSTANCE;
        }
        i++;
    }

    int peek() {
        return i < end ? b[i] : -1;
    }

    static byte[][] names(String... names) {
        byte[][] out = new byte[names.length + 1][]; // field ids start at 1
        out[0] = new byte[0];
        for (int k = 0; k < names.length; k++) {
            out[k + 1] = names[k].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /** The payload leaves the plain subset. */
    static final class NotPlain extends RuntimeException {
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }
}
