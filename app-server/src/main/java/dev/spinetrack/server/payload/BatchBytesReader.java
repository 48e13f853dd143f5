package dev.spinetrack.server.payload;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;

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
 * thread), most of it in tokenizing numbers into a text buffer before parsing them. Here
 * {@link PlainJsonBytes} parses each number where it lies.
 */
final class BatchBytesReader {

    private static final byte[][] BATCH_FIELDS =
            PlainJsonBytes.names("v", "gateway", "device", "batch", "sentAt", "samples", "boot");
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

    private static final byte[][] SAMPLE_FIELDS = PlainJsonBytes.names("seq", "t", "pitch", "roll", "p", "bat");
    private static final int SEQ = 1;
    private static final int T = 2;
    private static final int PITCH = 3;
    private static final int ROLL = 4;
    private static final int P = 5;
    private static final int BAT = 6;
    private static final int REQUIRED_SAMPLE = (1 << SEQ) | (1 << T) | (1 << PITCH) | (1 << ROLL) | (1 << P);

    private final PlainJsonBytes in;
    private double[] scratch = new double[32];

    private BatchBytesReader(byte[] payload, int offset, int length) {
        this.in = new PlainJsonBytes(payload, offset, length);
    }

    /** The batch, or null when the payload is not in the exact plain shape or a record refuses it. */
    static SampleBatch read(byte[] payload) {
        return read(payload, 0, payload.length);
    }

    /**
     * The batch held in {@code length} bytes of {@code payload} from {@code offset} (one batch of a
     * bundle, read where it lies), or null as {@link #read(byte[])}.
     */
    static SampleBatch read(byte[] payload, int offset, int length) {
        try {
            return new BatchBytesReader(payload, offset, length).batch();
        } catch (RuntimeException e) {
            return null; // not plain (NotPlain), or refused by a record: the token reader looks again
        }
    }

    private SampleBatch batch() {
        in.space();
        in.expect('{');
        int seen = 0;
        int v = 0;
        String gateway = null;
        String device = null;
        long batch = 0;
        long sentAt = 0;
        long boot = 0;
        List<Sample> samples = null;
        do {
            int field = in.member(BATCH_FIELDS);
            seen = once(seen, field);
            switch (field) {
                case V -> v = Math.toIntExact(in.integer());
                case GATEWAY -> gateway = in.string();
                case DEVICE -> device = in.string();
                case BATCH -> batch = in.integer();
                case SENT_AT -> sentAt = in.integer();
                case BOOT -> boot = in.integer();
                default -> samples = samples();
            }
            in.space();
        } while (in.comma('}'));
        in.space();
        if (!in.atEnd() || (seen & REQUIRED_BATCH) != REQUIRED_BATCH) {
            throw PlainJsonBytes.NotPlain.INSTANCE;
        }
        return new SampleBatch(v, gateway, device, batch, sentAt, samples, boot);
    }

    private List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        if (in.arrayWithElements()) {
            do {
                in.space();
                out.add(sample());
                in.space();
            } while (in.comma(']'));
        }
        return out;
    }

    private Sample sample() {
        in.expect('{');
        int seen = 0;
        long seq = 0;
        long t = 0;
        double pitch = 0;
        double roll = 0;
        double[] pressures = null;
        Integer bat = null;
        do {
            int field = in.member(SAMPLE_FIELDS);
            seen = once(seen, field);
            switch (field) {
                case SEQ -> seq = in.integer();
                case T -> t = in.integer();
                case PITCH -> pitch = in.number();
                case ROLL -> roll = in.number();
                case P -> pressures = numbers();
                default -> bat = in.nullLiteral() ? null : Integer.valueOf(Math.toIntExact(in.integer()));
            }
            in.space();
        } while (in.comma('}'));
        if ((seen & REQUIRED_SAMPLE) != REQUIRED_SAMPLE) {
            throw PlainJsonBytes.NotPlain.INSTANCE;
        }
        return new Sample(seq, t, pitch, roll, pressures, bat);
    }

    /** Notes a field as seen; one seen twice is not plain (data binding decides what it means). */
    private static int once(int seen, int field) {
        if ((seen & (1 << field)) != 0) {
            throw PlainJsonBytes.NotPlain.INSTANCE;
        }
        return seen | 1 << field;
    }

    private double[] numbers() {
        if (!in.arrayWithElements()) {
            return new double[0];
        }
        double[] buf = scratch;
        int n = 0;
        do {
            in.space();
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, n * 2);
                scratch = buf;
            }
            buf[n++] = in.number();
            in.space();
        } while (in.comma(']'));
        return Arrays.copyOf(buf, n);
    }
}
