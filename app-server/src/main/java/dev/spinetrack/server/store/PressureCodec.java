package dev.spinetrack.server.store;

/** Pressures as stored: comma-separated decimal doubles, exact on the round trip. */
final class PressureCodec {

    private PressureCodec() {
    }

    static String encode(double[] p) {
        StringBuilder b = new StringBuilder(p.length * 8);
        for (int i = 0; i < p.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(p[i]);
        }
        return b.toString();
    }

    static double[] decode(String s) {
        String[] parts = s.split(",");
        double[] p = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            p[i] = Double.parseDouble(parts[i]);
        }
        return p;
    }
}
