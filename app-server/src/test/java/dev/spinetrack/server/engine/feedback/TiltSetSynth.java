package dev.spinetrack.server.engine.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic tilt traces of exercise sets for the rep counter's tests: a still lead-in, then
 * {@code reps} cycles whose period and amplitude vary from rep to rep, then a still tail; with
 * sensor noise, occasional spikes and a slow drift of the neutral posture.
 */
final class TiltSetSynth {

    /** Shape of one rep around the neutral angle. */
    enum Shape {
        /** Up then down through neutral (cat then cow). */
        SINE,
        /** Down then up through neutral. */
        NEG_SINE,
        /** Out to one side and back (a one-sided twist). */
        ONE_SIDED_UP,
        /** Out to the other side and back. */
        ONE_SIDED_DOWN
    }

    record Point(long t, double angle) {
    }

    private TiltSetSynth() {
    }

    static List<Point> set(Random rnd, int reps, Shape shape, double meanAmplitude, long meanPeriodMs, double noiseSd,
                           double spikeProbability, int rateHz) {
        List<Point> out = new ArrayList<>();
        double dt = 1000.0 / rateHz;
        double neutral = rnd.nextDouble() * 20 - 10;
        double drift = (rnd.nextDouble() - 0.5) * 2; // degrees per 10 s
        long t0 = 1_700_000_000_000L + rnd.nextInt(1_000_000);
        double t = 0;
        double lead = 1000 + rnd.nextInt(2000);
        while (t < lead) {
            out.add(point(rnd, t0, t, neutral + drift * t / 10_000, noiseSd, spikeProbability));
            t += dt;
        }
        for (int r = 0; r < reps; r++) {
            double period = meanPeriodMs * (0.8 + rnd.nextDouble() * 0.4);
            double amp = meanAmplitude * (0.75 + rnd.nextDouble() * 0.5);
            double start = t;
            while (t < start + period) {
                double phase = (t - start) / period;
                double v = switch (shape) {
                    case SINE -> Math.sin(2 * Math.PI * phase);
                    case NEG_SINE -> -Math.sin(2 * Math.PI * phase);
                    case ONE_SIDED_UP -> (1 - Math.cos(2 * Math.PI * phase)) / 2;
                    case ONE_SIDED_DOWN -> -(1 - Math.cos(2 * Math.PI * phase)) / 2;
                };
                out.add(point(rnd, t0, t, neutral + drift * t / 10_000 + amp * v, noiseSd, spikeProbability));
                t += dt;
            }
        }
        double end = t + 1000 + rnd.nextInt(2000);
        while (t < end) {
            out.add(point(rnd, t0, t, neutral + drift * t / 10_000, noiseSd, spikeProbability));
            t += dt;
        }
        return out;
    }

    private static Point point(Random rnd, long t0, double t, double angle, double noiseSd, double spikeProbability) {
        double v = angle + rnd.nextGaussian() * noiseSd;
        if (rnd.nextDouble() < spikeProbability) {
            v += (rnd.nextBoolean() ? 1 : -1) * (15 + rnd.nextDouble() * 25);
        }
        return new Point(t0 + Math.round(t), Math.max(-90, Math.min(90, v)));
    }

    static int count(RepCounter counter, List<Point> points) {
        for (Point p : points) {
            counter.accept(p.t(), p.angle());
        }
        return counter.reps();
    }
}
