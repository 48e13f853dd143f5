package dev.spinetrack.server.engine.feedback;

import dev.spinetrack.server.program.RepDetection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepCounterTest {

    @Test
    void countsCleanCyclesOfEveryShapeExactly() {
        for (TiltSetSynth.Shape shape : TiltSetSynth.Shape.values()) {
            Random rnd = new Random(shape.ordinal());
            List<TiltSetSynth.Point> set = TiltSetSynth.set(rnd, 8, shape, 20, 3_000, 0, 0, 50);
            assertEquals(8, TiltSetSynth.count(new RepCounter(RepDetection.DEFAULT), set), shape.name());
        }
    }

    @Test
    void countsNoisySetsExactlyInAtLeast95Percent() {
        int sets = 0;
        int exact = 0;
        List<String> misses = new ArrayList<>();
        for (long seed = 1; seed <= 400; seed++) {
            Random rnd = new Random(seed);
            int reps = 6 + rnd.nextInt(5);
            TiltSetSynth.Shape shape = TiltSetSynth.Shape.values()[rnd.nextInt(4)];
            double amplitude = 14 + rnd.nextDouble() * 16;        // 14..30 degrees
            long period = 2_000 + rnd.nextInt(3_000);             // 2..5 s a rep
            double noise = 0.5 + rnd.nextDouble() * 2.5;          // sd 0.5..3 degrees
            int rate = rnd.nextBoolean() ? 50 : 100;
            List<TiltSetSynth.Point> set = TiltSetSynth.set(rnd, reps, shape, amplitude, period, noise, 0.01, rate);
            int counted = TiltSetSynth.count(new RepCounter(RepDetection.DEFAULT), set);
            sets++;
            if (counted == reps) {
                exact++;
            } else {
                misses.add("seed " + seed + " " + shape + " reps " + reps + " counted " + counted);
            }
        }
        double pct = 100.0 * exact / sets;
        System.out.printf("RepCounter on synthetic noisy sets: %d/%d exact (%.1f %%)%n", exact, sets, pct);
        assertTrue(pct >= 95, pct + " % exact; misses: " + misses);
    }

    @Test
    void wobblesBelowTheAmplitudeAreNotReps() {
        Random rnd = new Random(3);
        List<TiltSetSynth.Point> wobble = TiltSetSynth.set(rnd, 10, TiltSetSynth.Shape.SINE, 4, 2_000, 1, 0, 50);
        assertEquals(0, TiltSetSynth.count(new RepCounter(RepDetection.DEFAULT), wobble));
    }

    @Test
    void tooFastOrTooSlowSwingsAreNotReps() {
        RepDetection tempo = new RepDetection(10, 1_500, 6_000);
        List<TiltSetSynth.Point> shaking = TiltSetSynth.set(new Random(4), 10, TiltSetSynth.Shape.SINE, 20, 600, 0, 0, 100);
        assertTrue(TiltSetSynth.count(new RepCounter(tempo), shaking) <= 5,
                "reps faster than the minimum period are merged, not each counted");
        List<TiltSetSynth.Point> leaning = TiltSetSynth.set(new Random(5), 2, TiltSetSynth.Shape.SINE, 25, 40_000, 0, 0, 50);
        assertEquals(0, TiltSetSynth.count(new RepCounter(tempo), leaning), "a slow lean is a posture change");
    }

    @Test
    void resetStartsANewSetAndBadSamplesAreIgnored() {
        RepCounter c = new RepCounter(RepDetection.DEFAULT);
        List<TiltSetSynth.Point> set = TiltSetSynth.set(new Random(6), 6, TiltSetSynth.Shape.SINE, 20, 3_000, 0.5, 0, 50);
        assertEquals(6, TiltSetSynth.count(c, set));
        assertFalse(c.accept(set.get(set.size() - 1).t(), 50), "time going backwards is ignored");
        assertFalse(c.accept(set.get(set.size() - 1).t() + 20, Double.NaN));
        c.reset();
        assertEquals(0, c.reps());
        assertEquals(6, TiltSetSynth.count(c, TiltSetSynth.set(new Random(7), 6, TiltSetSynth.Shape.NEG_SINE, 20, 3_000, 0.5, 0, 50)));
    }
}
