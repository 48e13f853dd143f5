package dev.spinetrack.simulator.device;

import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.region.SpinalLevel;
import dev.spinetrack.simulator.scenario.Activity;
import dev.spinetrack.simulator.scenario.Step;

/**
 * Physically plausible sensor readings for a scripted step. Pure: a reading depends only on
 * the scenario time, the sample number and the seed.
 * <ul>
 *   <li>Rack {@code lie}: the load spreads over the cells around the scripted level as a
 *       Gaussian (σ 1.1 levels), split between the sides by the lean, with a 4.5 s breathing
 *       ripple (±6 % load, ±0.15 level), a slow side sway, cell noise (readings under 1.5 N reported as 0) and a 1 s ramp when
 *       lying down. The pressure centroid therefore follows the scripted level.</li>
 *   <li>Ball {@code roll}: 3 s strokes between 70 % and 130 % of the scripted mean pressure,
 *       the ball pitching back and forth with each stroke; {@code hold}: steady pressure with a
 *       slight pulse.</li>
 *   <li>{@code cat-cow}: pitch ±25° once per rep; {@code kneeling-twist}: roll ±35° once per rep;
 *       no contact.</li>
 * </ul>
 */
public final class SignalModel {

    /** Rack load when a lie step names none, N. */
    public static final double DEFAULT_RACK_LOAD_N = 300;
    /** Ball pressure when a roll names none, kPa. */
    public static final double DEFAULT_ROLL_KPA = 30;
    /** Ball pressure when a hold names none, kPa. */
    public static final double DEFAULT_HOLD_KPA = 35;

    /** Rack cell readings below this are reported as 0 (the firmware's noise floor), N. */
    public static final double RACK_DEADBAND_N = 1.5;

    private static final double SIGMA_LEVELS = 1.1;
    private static final double BREATH_MS = 4500;
    private static final double STROKE_MS = 3000;
    private static final double BALL_REST_KPA = 0.6;

    private final DeviceCapabilities caps;
    private final Noise noise;
    private final long stream;
    // The current step's parsed text fields: parsing them for every sample (upper-casing, enum
    // lookups) was a tenth of a 200-device gateway's CPU. Reset whenever the step changes.
    private Step parsedStep;
    private Activity parsedActivity;
    private SpinalLevel parsedLevel;

    /**
     * @param caps        the device's capability record
     * @param seed        scenario seed
     * @param deviceIndex index of the device, so devices get different noise
     */
    public SignalModel(DeviceCapabilities caps, long seed, int deviceIndex) {
        this.caps = caps;
        this.noise = new Noise(seed);
        this.stream = (long) deviceIndex << 8;
    }

    /** Reading for a step (or {@code null} for idle after the script) at a time and sample number. */
    public Reading read(Timeline.At at, double scenarioMs, long sample) {
        Step step = at == null ? null : at.step();
        Activity a = step == null ? Activity.REST : activity(step);
        double tau = at == null ? 0 : scenarioMs - at.startMs();
        double[] phys = new double[caps.channelCount()];
        double pitch = gauss(1, sample) * 0.2;
        double roll = gauss(2, sample) * 0.2;
        if (caps.kind() == DeviceKind.RACK) {
            if (a == Activity.LIE) {
                double lean = step.lean() + 0.04 * Math.sin(2 * Math.PI * scenarioMs / 37_000.0);
                rackLoad(step, tau, scenarioMs, lean, phys);
                pitch += 0.3 * Math.sin(2 * Math.PI * scenarioMs / BREATH_MS);
                roll += lean * 4.0;
            }
            double[] cellNoise = new double[phys.length];
            noise.gaussians(stream + 10, sample, cellNoise);
            for (int i = 0; i < phys.length; i++) {
                phys[i] += cellNoise[i] * (0.6 + 0.01 * phys[i]);
                // like the firmware, report unloaded cells as 0 rather than their noise
                if (phys[i] < RACK_DEADBAND_N) {
                    phys[i] = 0;
                }
            }
        } else {
            double p = BALL_REST_KPA;
            if (a == Activity.ROLL) {
                double mean = step.pressure() > 0 ? step.pressure() : DEFAULT_ROLL_KPA;
                double s = Math.sin(Math.PI * tau / STROKE_MS);
                p = Math.max(p, mean * (0.7 + 0.6 * s * s) * Math.min(1.0, tau / 500.0));
                pitch += 20 * Math.sin(2 * Math.PI * tau / STROKE_MS);
            } else if (a == Activity.HOLD) {
                double mean = step.pressure() > 0 ? step.pressure() : DEFAULT_HOLD_KPA;
                p = Math.max(p, mean * (1 + 0.04 * Math.sin(2 * Math.PI * tau / 5000.0)) * Math.min(1.0, tau / 500.0));
            }
            phys[0] = p + gauss(10, sample) * (0.1 + 0.01 * p);
        }
        if (a.isExercise()) {
            double period = step.durationMs() / (double) step.reps();
            long rep = (long) Math.floor(tau / period);
            double swing = Math.sin(2 * Math.PI * (tau - rep * period) / period)
                    * (1 + 0.08 * gauss(3, at.index() * 1000L + rep));
            if (a == Activity.CAT_COW) {
                pitch += 25 * swing;
            } else {
                roll += 35 * swing;
            }
        }
        int[] raw = new int[phys.length];
        for (int i = 0; i < phys.length; i++) {
            long counts = Math.round(Math.max(0, phys[i]) * 1000.0 / caps.scaleMilli());
            raw[i] = (int) Math.min(SampleFrame.MAX_PRESSURE, counts);
        }
        return new Reading(centi(pitch, 9000), centi(roll, 18000), raw,
                caps.kind() == DeviceKind.BALL && step != null ? step.regionOrNull() : null);
    }

    private Activity activity(Step step) {
        if (step != parsedStep) {
            parsedStep = step;
            parsedActivity = step.kind();
            parsedLevel = null;
        }
        return parsedActivity;
    }

    /** The level of the step {@link #activity} last parsed. */
    private SpinalLevel level(Step step) {
        if (parsedLevel == null || step != parsedStep) {
            activity(step);
            parsedLevel = step.levelOrNull();
        }
        return parsedLevel;
    }

    private void rackLoad(Step step, double tau, double scenarioMs, double lean, double[] out) {
        double load = step.pressure() > 0 ? step.pressure() : DEFAULT_RACK_LOAD_N;
        double breath = Math.sin(2 * Math.PI * scenarioMs / BREATH_MS);
        double centre = level(step).code() + 0.15 * breath;
        double total = load * (1 + 0.06 * breath) * Math.min(1.0, tau / 1000.0);
        double sumLeft = 0;
        double sumRight = 0;
        double[] w = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            CellPlacement c = caps.cells().get(i);
            double d = (c.level().code() - centre) / SIGMA_LEVELS;
            w[i] = Math.exp(-0.5 * d * d);
            if (c.side() == dev.spinetrack.protocol.region.Side.LEFT) {
                sumLeft += w[i];
            } else {
                sumRight += w[i];
            }
        }
        double leftShare = 0.5 * (1 - Math.max(-1, Math.min(1, lean)));
        for (int i = 0; i < out.length; i++) {
            boolean left = caps.cells().get(i).side() == dev.spinetrack.protocol.region.Side.LEFT;
            out[i] = total * (left ? leftShare * w[i] / sumLeft : (1 - leftShare) * w[i] / sumRight);
        }
    }

    private double gauss(long channel, long index) {
        return noise.gaussian(stream + channel, index);
    }

    private static int centi(double degrees, int limit) {
        long c = Math.round(degrees * 100);
        return (int) Math.max(-limit, Math.min(limit, c));
    }
}
