package dev.spinetrack.gateway.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway writes doubles with Jackson's fast writer; every value must read back bit for bit.
 * The reader is a plain Jackson mapper with the JDK's parsing (apart from the writer), over
 * values near the edges of the double format and of the fields' ranges.
 */
class JsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Test
    void everyDoubleOfABatchReadsBackExactly() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                double[] p = new double[1 + random.nextInt(32)];
                for (int c = 0; c < p.length; c++) {
                    p[c] = Math.abs(anyDouble(random));
                    if (Double.isNaN(p[c]) || Double.isInfinite(p[c])) {
                        p[c] = Double.MAX_VALUE;
                    }
                }
                samples.add(new Sample(round * 10L + i, 1_700_000_000_000L + i, within(anyDouble(random), 90),
                        within(anyDouble(random), 180), p, random.nextBoolean() ? null : random.nextInt(101)));
            }
            SampleBatch written = SampleBatch.of("gw-json", "c0ffee000001", round % 3, round, 1_700_000_000_000L,
                    samples);
            byte[] bytes = Json.bytes(written);
            SampleBatch read = PLAIN.readValue(bytes, SampleBatch.class);
            assertEquals(written.samples(), read.samples(), new String(bytes));
        }
    }

    private static double within(double v, double limit) {
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) > limit) {
            return Math.IEEEremainder(Double.isFinite(v) ? v : 1.5, limit);
        }
        return v;
    }

    /** Sensor-like decimals, integers, random bit patterns, subnormals and values at powers of ten. */
    private static double anyDouble(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Math.round(random.nextGaussian() * 100_000) / 100.0;
            case 1 -> random.nextInt(1 << 16);
            case 2 -> Double.longBitsToDouble(random.nextLong());
            case 3 -> Double.MIN_VALUE * random.nextInt(1_000_000);
            case 4 -> Math.pow(10, random.nextInt(40) - 20) * (random.nextBoolean() ? 1 : 3);
            default -> random.nextDouble() * (random.nextBoolean() ? 1e-3 : 1e3);
        };
    }
}
