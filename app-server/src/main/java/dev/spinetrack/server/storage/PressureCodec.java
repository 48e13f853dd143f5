package dev.spinetrack.server.storage;

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
        if (s.indexOf('.') >= 0 || s.indexOf(',') >= 0) {
            return decodeDecimal(s); // rows written before the Base64 form (Double.toString always has a '.')
        }
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s));
        double[] p = new double[b.remaining() / Double.BYTES];
        for (int i = 0; i < p.length; i++) {
            p[i] = b.getDouble();
        }
        return p;
    }

    private static double[] decodeDecimal(String s) {
        String[] parts = s.split(",");
        double[] p = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            p[i] = Double.parseDouble(parts[i]);
        }
        return p;
    }
}
