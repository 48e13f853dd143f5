package dev.spinetrack.server.payload;

import dev.spinetrack.protocol.mqtt.SampleBundle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a sample bundle (PROTOCOL.md §7.7) into the byte ranges of its batches: reads the
 * bundle's own members ({@code v}, {@code gateway}, {@code batches}) and, inside
 * {@code batches}, only finds where each batch object begins and ends, tracking string literals
 * (with their escapes) and the nesting of braces and brackets. The batches themselves are read
 * afterwards, in place, by the fast batch readers, each on its own: a bundle never becomes a JSON
 * tree, and a bad batch refuses only itself.
 *
 * <p>Why not Jackson: a tree of a bundle of a few hundred batches is thousands of nodes built to
 * be thrown away, on the MQTT callback thread, which is ingest's one serial stage. What this
 * skips unread (members it does not know, the inside of each batch) it checks only for balanced
 * nesting and closed strings; a batch's content is checked fully by its reader.
 */
final class BundleSplitter {

    private static final byte[] V = "v".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GATEWAY = "gateway".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BATCHES = "batches".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] NAMES = {V, GATEWAY, BATCHES};
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final byte[] b;
    private final PayloadReader strings;
    private int i;
    /** Offset and length of batch {@code k} at {@code 2k} and {@code 2k + 1}. */
    private int[] bounds;
    private int size;
    /** Closing bytes of the open containers while skipping a value, innermost last. */
    private byte[] open = new byte[16];

    private BundleSplitter(byte[] payload, PayloadReader strings) {
        this.b = payload;
        this.strings = strings;
    }

    /**
     * The bundle's gateway and batch ranges.
     *
     * @param strings decodes the rare string with escapes in it
     * @throws BadPayloadException when the bundle is unreadable: not JSON, not an object, a member
     *                             missing or of the wrong kind, {@code v} not 1, no or too many batches
     */
    static BundleSlices split(byte[] payload, PayloadReader strings) {
        return new BundleSplitter(payload, strings).bundle();
    }

    private BundleSlices bundle() {
        space();
        if (peek() != '{') {
            throw new BadPayloadException("a sample bundle must be a JSON object");
        }
        i++;
        boolean seenV = false;
        String gateway = null;
        space();
        if (peek() == '}') {
            i++;
        } else {
            do {
                space();
                byte[] name = name();
                space();
                expect(':', "after a member name");
                space();
                if (name == V) {
                    seenV = once(seenV, "v");
                    int start = i;
                    skipValue();
                    if (i - start != 1 || b[start] != '1') { // the number 1, as the records write it
                        throw new BadPayloadException("v must be 1, was " + new String(b, start, i - start, StandardCharsets.UTF_8));
                    }
                } else if (name == GATEWAY) {
                    once(gateway != null, "gateway");
                    if (peek() != '"') {
                        throw new BadPayloadException("gateway must be a string");
                    }
                    gateway = string();
                } else if (name == BATCHES) {
                    once(bounds != null, "batches");
                    batches();
                } else {
                    skipValue(); // unknown members are ignored, as in every payload (PROTOCOL.md §6)
                }
                space();
            } while (comma('}', "a member", -1));
        }
        space();
        if (i != b.length) {
            throw new BadPayloadException("not valid JSON: content after the bundle at byte " + i);
        }
        if (!seenV) {
            throw new BadPayloadException("v is missing");
        }
        if (gateway == null) {
            throw new BadPayloadException("gateway is missing");
        }
        if (bounds == null) {
            throw new BadPayloadException("batches is missing");
        }
        return new BundleSlices(gateway, bounds, size);
    }

    /** Reads the {@code batches} array into {@link #bounds} and {@link #size}. */
    private void batches() {
        if (peek() != '[') {
            throw new BadPayloadException("batches must be an array");
        }
        i++;
        space();
        bounds = new int[32];
        int n = 0;
        if (peek() == ']') {
            i++;
        } else {
            do {
                space();
                if (peek() != '{') {
                    throw new BadPayloadException("batches[" + n + "]: a batch must be a JSON object (at byte " + i + ")");
                }
                if (n == SampleBundle.MAX_BATCHES) {
                    throw new BadPayloadException("batches must hold 1.." + SampleBundle.MAX_BATCHES + ", held more");
                }
                int start = i;
                try {
                    skipContainer();
                } catch (BadPayloadException e) {
                    throw new BadPayloadException("batches[" + n + "]: " + e.getMessage());
                }
                if (2 * n + 1 >= bounds.length) {
                    bounds = Arrays.copyOf(bounds, bounds.length * 2);
                }
                bounds[2 * n] = start;
                bounds[2 * n + 1] = i - start;
                n++;
                space();
            } while (comma(']', "batches", n - 1));
        }
        if (n == 0) {
            throw new BadPayloadException("batches must hold 1.." + SampleBundle.MAX_BATCHES + ", held 0");
        }
        size = n;
    }

    private static boolean once(boolean seen, String member) {
        if (seen) {
            throw new BadPayloadException(member + " appears twice");
        }
        return true;
    }

    /** A member's name: {@link #V}, {@link #GATEWAY}, {@link #BATCHES} themselves, or null for any other. */
    private byte[] name() {
        if (peek() != '"') {
            throw new BadPayloadException("not valid JSON: a member name expected at byte " + i);
        }
        int start = i;
        if (skipString()) {
            byte[] decoded = decode(start).getBytes(StandardCharsets.UTF_8);
            return known(decoded, 0, decoded.length);
        }
        return known(b, start + 1, i - 1);
    }

    private static byte[] known(byte[] in, int from, int to) {
        for (byte[] name : NAMES) {
            if (Arrays.equals(in, from, to, name, 0, name.length)) {
                return name;
            }
        }
        return null;
    }

    private String string() {
        int start = i;
        return skipString() ? decode(start) : new String(b, start + 1, i - start - 2, StandardCharsets.UTF_8);
    }

    private String decode(int start) {
        return strings.read(b, start, i - start, String.class);
    }

    /**
     * Moves past a string literal starting at the current quote.
     *
     * @return whether it holds an escape
     */
    private boolean skipString() {
        int start = i++;
        boolean escaped = false;
        while (i < b.length) {
            byte c = b[i++];
            if (c == '"') {
                return escaped;
            }
            if (c == '\\') {
                escaped = true;
                i++; // the escaped byte, a quote or backslash included, ends nothing
            } else if (c >= 0 && c < 0x20) {
                throw new BadPayloadException("not valid JSON: a control character in the string at byte " + start);
            }
        }
        throw new BadPayloadException("not valid JSON: the string at byte " + start + " is not closed");
    }

    /**
     * Moves past any JSON value: a string, a literal or number, or an object or array with
     * everything in it, checking that braces and brackets pair up outside strings.
     */
    private void skipValue() {
        int start = i;
        int c = peek();
        if (c == '"') {
            skipString();
        } else if (c == '{' || c == '[') {
            skipContainer();
        } else {
            while (i < b.length && scalarByte(b[i])) {
                i++;
            }
            if (i == start || !(c == '-' || (c >= '0' && c <= '9') || literal(start, TRUE)
                    || literal(start, FALSE) || literal(start, NULL))) {
                throw new BadPayloadException("not valid JSON: a value expected at byte " + start);
            }
        }
    }

    private void skipContainer() {
        int start = i;
        int depth = 0;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                skipString();
                continue;
            }
            i++;
            if (c == '{' || c == '[') {
                if (depth == open.length) {
                    open = Arrays.copyOf(open, depth * 2);
                }
                open[depth++] = c == '{' ? (byte) '}' : (byte) ']';
            } else if (c == '}' || c == ']') {
                if (open[--depth] != c) {
                    throw new BadPayloadException("not valid JSON: " + (char) c + " at byte " + (i - 1) + " closes nothing open");
                }
                if (depth == 0) {
                    return;
                }
            }
        }
        throw new BadPayloadException("not valid JSON: the value at byte " + start + " is not closed");
    }

    /** Bytes a number or literal consists of. */
    private static boolean scalarByte(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' || c == 'E';
    }

    private boolean literal(int start, byte[] word) {
        return Arrays.equals(b, start, i, word, 0, word.length);
    }

    /** After a member or element ({@code after}, element {@code index} or -1): true on a comma, false on {@code close}. */
    private boolean comma(char close, String after, int index) {
        int c = peek();
        if (c == ',' || c == close) {
            i++;
            return c == ',';
        }
        throw new BadPayloadException("not valid JSON: , or " + close + " expected after " + after + (index < 0 ? "" : "[" + index + "]")
                + " at byte " + i);
    }

    private void expect(char c, String where) {
        if (peek() != c) {
            throw new BadPayloadException("not valid JSON: " + c + " expected " + where + " at byte " + i);
        }
        i++;
    }

    private void space() {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
    }

    private int peek() {
        return i < b.length ? b[i] : -1;
    }
}
