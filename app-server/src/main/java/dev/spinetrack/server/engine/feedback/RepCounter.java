package dev.spinetrack.server.engine.feedback;

import dev.spinetrack.server.program.RepDetection;

import java.util.Arrays;

/**
 * Counts reps from one tilt axis (pitch for cat-cow, roll for a twist).
 * <p>The angle is first cleaned: a running median of 5 removes single-sample spikes, then a
 * first-order low-pass with time constant {@code smoothingMs} (on device time) removes jitter.
 * Turning points are found with hysteresis (a Schmitt trigger relative to the last extreme):
 * a peak is confirmed once the angle has fallen {@code hysteresis} below the highest value since
 * the last valley, and vice versa. The first turning point whose swing reaches the minimum
 * amplitude fixes the rep's direction (peaks if the user moved up first, valleys if down), so a
 * set counts one rep per cycle whatever its phase. An extreme counts as a rep when its swing
 * from the previous opposite extreme is at least {@code minAmplitudeDeg}, the swing took at most
 * {@code maxPeriodMs} from leaving the previous extreme, and at least {@code minPeriodMs} passed since the previous rep.
 */
public final class RepCounter {

    private static final int MEDIAN = 5;

    private final RepDetection detection;
    private final double hysteresis;
    private final long smoothingMs;
    private final double[] window = new double[MEDIAN];
    private int filled;
    private int next;
    private double smooth;
    private long lastT;
    private boolean started;

    private int direction; // +1 rising (tracking a peak), -1 falling (tracking a valley), 0 unknown
    private double hi;
    private long hiT;
    private double lo;
    private long loT;
    private double refValue; // the previous confirmed extreme (or the start)
    private long departT;
    private int polarity; // +1 count peaks, -1 count valleys, 0 not fixed yet
    private long lastRepT;
    private int reps;

    public RepCounter(RepDetection detection) {
        this(detection, 120);
    }

    /**
     * @param detection   amplitude and tempo thresholds
     * @param smoothingMs low-pass time constant, {@code >= 0} (0 = no low-pass)
     */
    public RepCounter(RepDetection detection, long smoothingMs) {
        if (smoothingMs < 0) {
            throw new IllegalArgumentException("smoothingMs must be >= 0, was " + smoothingMs);
        }
        this.detection = detection;
        this.hysteresis = detection.minAmplitudeDeg() * 0.35;
        this.smoothingMs = smoothingMs;
    }

    /** Reps counted since construction or the last {@link #reset()}. */
    public int reps() {
        return reps;
    }

    /** Forgets everything: the next sample starts a new set. */
    public void reset() {
        filled = 0;
        next = 0;
        started = false;
        direction = 0;
        polarity = 0;
        reps = 0;
    }

    /**
     * Takes the next angle (degrees) at device time {@code t} (ms, ascending).
     *
     * @return whether this sample completed a rep
     */
    public boolean accept(long t, double angleDeg) {
        if (!Double.isFinite(angleDeg)) {
            return false;
        }
        if (started && t <= lastT) {
            return false;
        }
        double x = lowPass(t, median(angleDeg));
        if (!started) {
            started = true;
            hi = lo = refValue = x;
            hiT = loT = departT = t;
            lastRepT = Long.MIN_VALUE;
            lastT = t;
            return false;
        }
        lastT = t;
        if (Math.abs(x - refValue) < hysteresis) {
            departT = t; // still near the last extreme: a swing starts when the angle leaves it
        }
        boolean counted = false;
        if (x > hi) {
            hi = x;
            hiT = t;
        }
        if (x < lo) {
            lo = x;
            loT = t;
        }
        if (direction >= 0 && x <= hi - hysteresis && (direction == 1 || hi - refValue >= hysteresis)) {
            counted = extreme(+1, hi, hiT);
            direction = -1;
            lo = x;
            loT = t;
        } else if (direction <= 0 && x >= lo + hysteresis && (direction == -1 || refValue - lo >= hysteresis)) {
            counted = extreme(-1, lo, loT);
            direction = 1;
            hi = x;
            hiT = t;
        }
        return counted;
    }

    /** A confirmed turning point: a peak (+1) or a valley (-1). */
    private boolean extreme(int kind, double value, long at) {
        double swing = Math.abs(value - refValue);
        boolean bigEnough = swing >= detection.minAmplitudeDeg();
        boolean brisk = at - departT <= detection.maxPeriodMs();
        if (polarity == 0 && bigEnough && brisk) {
            polarity = kind;
        }
        boolean counted = false;
        if (kind == polarity && bigEnough && brisk
                && (lastRepT == Long.MIN_VALUE || at - lastRepT >= detection.minPeriodMs())) {
            reps++;
            lastRepT = at;
            counted = true;
        }
        refValue = value;
        departT = at;
        return counted;
    }

    private double median(double v) {
        window[next] = v;
        next = (next + 1) % MEDIAN;
        if (filled < MEDIAN) {
            filled++;
        }
        double[] copy = Arrays.copyOf(window, filled);
        Arrays.sort(copy);
        return copy[filled / 2];
    }

    private double lowPass(long t, double v) {
        if (!started || smoothingMs == 0) {
            smooth = v;
            return v;
        }
        double dt = Math.max(0, t - lastT);
        double alpha = dt / (dt + smoothingMs);
        smooth += alpha * (v - smooth);
        return smooth;
    }
}
