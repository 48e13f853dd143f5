package dev.spinetrack.gateway.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-written batch writer prints exactly the bytes Jackson's data binding prints for the
 * same batch (the oracle, written apart), for the values devices send (pressures
 * {@code raw × scale / 1000}, angles in centi-degrees) and for any other double, which it hands
 * to Jackson's fast writer; and what it prints reads back bit for bit through a plain Jackson
 * mapper with the JDK's parsing, over values near the edges of the double format and of the
 * fields' ranges (so this also checks the fast writer {@link Json} configures).
 */
class SampleBatchJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Test
    void deviceValuesPrintAsJacksonPrintsThem() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 3_000; round++) {
            int scaleMilli = switch (random.nextInt(4)) {
                case 0 -> 1;
                case 1 -> 1 + random.nextInt(1000);
                case 2 -> 1000 + random.nextInt(100_000);
                default -> random.nextInt(Integer.MAX_VALUE);
            };
            // a u16 raw pressure in device units, as FrameConverter and DeviceCapabilities make it
            int raw = random.nextInt(4) == 0 ? 0 : random.nextInt(65_536);
            DoubleSupplier pressure = () -> (random.nextInt(5) == 0 ? 0 : random.nextInt(65_536))
                    * (double) scaleMilli / 1000.0;
            check(batch(random, round, pressure, () -> (random.nextInt(18_001) - 9_000) / 100.0,
                    () -> (random.nextInt(36_001) - 18_000) / 100.0));
            assertSame(SampleBatch.of("gw", "c0ffee000001", 1, 0, List.of(new Sample(1, 2,
                    0, 0, new double[]{raw * (double) scaleMilli / 1000.0}, null))));
        }
    }

    @Test
    void anyOtherDoublePrintsAsJacksonPrintsIt() throws IOException {
        Random random = new Random(12);
        for (int round = 0; round < 3_000; round++) {
            check(batch(random, round, () -> Math.abs(anyDouble(random)),
                    () -> within(anyDouble(random), 90), () -> within(anyDouble(random), 180)));
        }
    }

    @Test
    void edgesOfThePlainFormat() throws IOException {
        double[] edges = {0.001, 0.002, 0.0009999, 9_999_999.999, 1e7, 1e7 + 0.001, 12.0, 0.1, 0.12, 0.123,
            1.005, 2.675, 1e-3 * 3, 4_294_967.295, 65_535 * 2_147_483.647, Double.MIN_VALUE, -0.0, 90.0, 1e-4};
        for (double v : edges) {
            double angle = Math.max(-90, Math.min(90, v));
            assertSame(SampleBatch.of("gw.1_a-b", "c0ffee000001", 3, 7, 9,
                    List.of(new Sample(0, -5, angle, -angle, new double[]{Math.abs(v), 0.0}, 100))));
        }
    }

    private static void check(SampleBatch b) throws IOException {
        assertSame(b);
        SampleBatch read = PLAIN.readValue(SampleBatchJson.bytes(b), SampleBatch.class);
        assertEquals(b, read);
    }

    private static void assertSame(SampleBatch b) {
        assertEquals(new String(Json.bytes(b), StandardCharsets.UTF_8),
                new String(SampleBatchJson.bytes(b), StandardCharsets.UTF_8));
    }

    private static SampleBatch batch(Random random, int round, DoubleSupplier pressure, DoubleSupplier pitch,
                                     DoubleSupplier roll) {
        List<Sample> samples = new ArrayList<>();
        int channels = 1 + random.nextInt(32);
        long seq = random.nextInt(4) == 0 ? SampleBatch.MAX_SEQ - 100 : random.nextInt(1_000_000);
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            double[] p = new double[channels];
            for (int c = 0; c < p.length; c++) {
                p[c] = pressure.getAsDouble();
            }
            samples.add(new Sample(seq + i, 1_700_000_000_000L + random.nextInt(1 << 30), pitch.getAsDouble(),
                    roll.getAsDouble(), p, random.nextBoolean() ? null : random.nextInt(101)));
        }
        long boot = random.nextInt(3) == 0 ? 0 : random.nextInt(1 << 23);
        return SampleBatch.of("gw-json-" + round, "c0ffee00" + String.format("%04x", round & 0xffff), boot,
                random.nextInt(Integer.MAX_VALUE), 1_700_000_000_000L + round, samples);
    }

    private static double within(double v, double limit) {
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) > limit) {
            return Math.IEEEremainder(Double.isFinite(v) ? v : 1.5, limit);
        }
        return v;
    }

    /** Sensor-like decimals, integers, random bit patterns, subnormals and values at powers of ten. */
    private static double anyDouble(Random random) {
        double v = switch (random.nextInt(6)) {
            case 0 -> Math.round(random.nextGaussian() * 100_000) / 100.0;
            case 1 -> random.nextInt(1 << 16);
            case 2 -> Double.longBitsToDouble(random.nextLong());
            case 3 -> Double.MIN_VALUE * random.nextInt(1_000_000);
            case 4 -> Math.pow(10, random.nextInt(40) - 20) * (random.nextBoolean() ? 1 : 3);
            default -> random.nextDouble() * (random.nextBoolean() ? 1e-3 : 1e3);
        };
        return Double.isNaN(v) || Double.isInfinite(v) ? Double.MAX_VALUE : v;
    }
}
