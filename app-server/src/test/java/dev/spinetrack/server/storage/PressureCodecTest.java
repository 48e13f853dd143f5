package dev.spinetrack.server.storage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class PressureCodecTest {

    @Test
    void roundTripIsExact() {
        double[] p = {0, 1.1, 65.53399999999999, 1e-300, Double.MAX_VALUE};
        assertArrayEquals(p, PressureCodec.decode(PressureCodec.encode(p)));
        double[] one = {7};
        assertArrayEquals(one, PressureCodec.decode(PressureCodec.encode(one)));
    }

    @Test
    void readsRowsWrittenInTheEarlierDecimalForm() {
        assertArrayEquals(new double[] {5.0, 12.25}, PressureCodec.decode("5.0,12.25"));
        assertArrayEquals(new double[] {3.0}, PressureCodec.decode("3.0"));
    }
}
