package dev.spinetrack.server.engine.tracking;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PressureSketchTest {

    @Test
    void quantilesAreWithinTheRelativeAccuracyOfNearestRank() {
        Random rnd = new Random(7);
        PressureSketch sketch = new PressureSketch();
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.abs(30 + 8 * rnd.nextGaussian());
            sketch.add(values[i]);
        }
        Arrays.sort(values);
        for (double q : new double[] {0.5, 0.9, 0.95, 0.99, 1.0}) {
            double exact = values[(int) Math.ceil(q * values.length) - 1];
            assertEquals(exact, sketch.quantile(q), exact * PressureSketch.RELATIVE_ACCURACY, "q" + q);
        }
    }

    @Test
    void zerosAndEmptiness() {
        PressureSketch sketch = new PressureSketch();
        assertEquals(0, sketch.quantile(0.95));
        for (int i = 0; i < 96; i++) {
            sketch.add(0);
        }
        for (int i = 0; i < 4; i++) {
            sketch.add(50);
        }
        assertEquals(0, sketch.quantile(0.95));
        assertEquals(50, sketch.quantile(0.97), 50 * PressureSketch.RELATIVE_ACCURACY);
        assertThrows(IllegalArgumentException.class, () -> sketch.add(-1));
        assertThrows(IllegalArgumentException.class, () -> sketch.quantile(0));
    }
}
