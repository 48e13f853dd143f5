package dev.spinetrack.server.store;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Pressures as stored: the channels' IEEE 754 doubles, big-endian, in Base64 text. Exact on
 * the round trip, a VARCHAR on every database, and far cheaper than decimal formatting on the
 * ingest path.
 */
final class PressureCodec {

    private PressureCodec() {
    }

    static String encode(double[] p) {
        ByteBuffer b = ByteBuffer.allocate(p.length * Double.BYTES);
        for (double v : p) {
            b.putDouble(v);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    static double[] decode(String s) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s));
        double[] p = new double[b.remaining() / Double.BYTES];
        for (int i = 0; i < p.length; i++) {
            p[i] = b.getDouble();
        }
        return p;
    }
}
