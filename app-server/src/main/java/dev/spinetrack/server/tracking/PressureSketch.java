package dev.spinetrack.server.tracking;

import java.util.Map;
import java.util.TreeMap;

/**
 * A bounded-memory quantile sketch of pressure values with a relative-error guarantee (the
 * DDSketch idea): values fall into logarithmic buckets of ratio {@code (1+a)/(1-a)}; a
 * quantile is reported as its bucket's midpoint, within {@code a} (0.5 %) of the exact
 * nearest-rank value. Zero gets its own bucket. Memory is one counter per occupied bucket:
 * about 2,000 buckets cover six decades of pressure.
 */
public final class PressureSketch {

    /** Relative accuracy of reported quantiles. */
    public static final double RELATIVE_ACCURACY = 0.005;
    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);
    private static final double MIN_POSITIVE = 1e-9;

    private final TreeMap<Integer, Long> buckets = new TreeMap<>();
    private long zeros;
    private long count;

    /** Adds a value (>= 0). */
    public void add(double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("pressure must be >= 0, was " + value);
        }
        count++;
        if (value < MIN_POSITIVE) {
            zeros++;
            return;
        }
        int key = (int) Math.ceil(Math.log(value) / LOG_GAMMA);
        buckets.merge(key, 1L, Long::sum);
    }

    /** How many values were added. */
    public long count() {
        return count;
    }

    /**
     * The q-quantile by nearest rank ({@code ceil(q * n)}-th smallest), within
     * {@link #RELATIVE_ACCURACY}; 0 when empty.
     */
    public double quantile(double q) {
        if (q <= 0 || q > 1) {
            throw new IllegalArgumentException("q must be in (0, 1], was " + q);
        }
        if (count == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * count);
        long seen = zeros;
        if (seen >= rank) {
            return 0;
        }
        for (Map.Entry<Integer, Long> e : buckets.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return 2 * Math.pow(GAMMA, e.getKey()) / (GAMMA + 1);
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond count " + count);
    }
}
