package dev.spinetrack.gateway.mqtt;

import com.fasterxml.jackson.core.io.NumberOutput;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;

import java.util.Arrays;
import java.util.List;

/**
 * Writes a sample batch as JSON (PROTOCOL.md §7.2) without data binding: the same bytes
 * {@link Json#bytes} writes for it, at a fraction of the cost. At 200 devices × 100 Hz the
 * mapper's bean serialisation and its double writer were a fifth of the gateway's CPU.
 *
 * <p>Every number a device sends is a decimal with at most three places: a pressure is
 * {@code raw × scaleMilli / 1000}, an angle {@code centi / 100} (FrameConverter). For such a
 * double the shortest decimal that reads back as it (what Jackson's and the JDK's writers
 * print) is that decimal itself, so it is printed from the integer {@code round(v × 1000)}
 * once dividing that by 1000 gives the double back bit for bit. Any other value goes through
 * Jackson's writer. The ids are written as they are: {@link SampleBatch} admits only ids that
 * {@code Topics.validGatewayId} and {@code validDeviceId} accept, none of which needs escaping.
 */
public final class SampleBatchJson {

    /** Below this the JDK's format turns to exponents ({@code 1.0E7}); above the test's range too. */
    private static final double PLAIN_BELOW = 1e7;

    private SampleBatchJson() {
    }

    /** The batch's JSON bytes, equal to {@code Json.bytes(batch)}. */
    public static byte[] bytes(SampleBatch b) {
        List<Sample> samples = b.samples();
        int channels = samples.get(0).p().length;
        Out o = new Out(96 + b.gateway().length() + samples.size() * (80 + 10 * channels));
        o.ascii("{\"v\":").integer(b.v());
        o.ascii(",\"gateway\":\"").ascii(b.gateway());
        o.ascii("\",\"device\":\"").ascii(b.device());
        o.ascii("\",\"batch\":").integer(b.batch());
        o.ascii(",\"sentAt\":").integer(b.sentAt());
        o.ascii(",\"samples\":[");
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            o.ascii(i == 0 ? "{\"seq\":" : ",{\"seq\":").integer(s.seq());
            o.ascii(",\"t\":").integer(s.t());
            o.ascii(",\"pitch\":").decimal(s.pitch());
            o.ascii(",\"roll\":").decimal(s.roll());
            o.ascii(",\"p\":[");
            double[] p = s.p();
            for (int c = 0; c < p.length; c++) {
                if (c > 0) {
                    o.put((byte) ',');
                }
                o.decimal(p[c]);
            }
            o.put((byte) ']');
            if (s.battery() != null) {
                o.ascii(",\"bat\":").integer(s.battery());
            }
            o.put((byte) '}');
        }
        o.put((byte) ']');
        if (b.boot() != 0) { // never null in the record; Jackson's NON_DEFAULT leaves out boot 0
            o.ascii(",\"boot\":").integer(b.boot());
        }
        o.put((byte) '}');
        return o.bytes();
    }

    /** A growing byte buffer with the number formats of the batch. */
    private static final class Out {

        /** Room for any number this writes by hand: a sign, 19 digits, a point and 3 places. */
        private static final int NUMBER_ROOM = 24;

        private byte[] buf;
        private int n;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void room(int k) {
            if (n + k > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + k));
            }
        }

        Out put(byte b) {
            room(1);
            buf[n++] = b;
            return this;
        }

        Out ascii(String s) {
            room(s.length());
            for (int i = 0; i < s.length(); i++) {
                buf[n++] = (byte) s.charAt(i);
            }
            return this;
        }

        Out integer(long v) {
            if (v == Long.MIN_VALUE) {
                return ascii(Long.toString(v));
            }
            room(NUMBER_ROOM);
            if (v < 0) {
                buf[n++] = '-';
                v = -v;
            }
            digits(v);
            return this;
        }

        /** The digits of {@code v >= 0}; the caller made room. */
        private void digits(long v) {
            int len = 1;
            for (long x = v; x >= 10; x /= 10) {
                len++;
            }
            int end = n + len;
            if (v <= Integer.MAX_VALUE) {
                int x = (int) v; // int division is several times cheaper than long on x86
                for (int i = end - 1; i >= n; i--) {
                    buf[i] = (byte) ('0' + x % 10);
                    x /= 10;
                }
            } else {
                for (int i = end - 1; i >= n; i--) {
                    buf[i] = (byte) ('0' + v % 10);
                    v /= 10;
                }
            }
            n = end;
        }

        /** A double as Jackson's fast writer prints it (the JDK's {@code Double.toString} format). */
        Out decimal(double v) {
            if (Double.doubleToRawLongBits(v) == 0) {
                return ascii("0.0");
            }
            if (Math.abs(v) < PLAIN_BELOW) {
                long milli = Math.round(v * 1000);
                if (milli != 0 && milli / 1000.0 == v) {
                    room(NUMBER_ROOM);
                    milli(milli);
                    return this;
                }
            }
            return ascii(NumberOutput.toString(v, true));
        }

        /** {@code milli / 1000} in plain notation, trailing zeros dropped but one place kept; the caller made room. */
        private void milli(long milli) {
            if (milli < 0) {
                buf[n++] = '-';
                milli = -milli;
            }
            digits(milli / 1000);
            buf[n++] = '.';
            int frac = (int) (milli % 1000);
            if (frac == 0) {
                buf[n++] = '0';
                return;
            }
            buf[n++] = (byte) ('0' + frac / 100);
            frac %= 100;
            if (frac != 0) {
                buf[n++] = (byte) ('0' + frac / 10);
                frac %= 10;
                if (frac != 0) {
                    buf[n++] = (byte) ('0' + frac);
                }
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, n);
        }
    }
}
