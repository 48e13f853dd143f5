package dev.spinetrack.server.engine.tracking;

import java.util.Arrays;

/**
 * A bounded-memory quantile sketch of pressure values with a relative-error guarantee (the
 * DDSketch idea): values fall into logarithmic buckets of ratio {@code (1+a)/(1-a)}; a
 * quantile is reported as its bucket's midpoint, within {@code a} (0.5 %) of the exact
 * nearest-rank value. Zero gets its own bucket. The counters are one array spanning the lowest
 * to the highest bucket seen (no boxing on the ingest path, which adds a value per sample):
 * about 2,000 buckets (16 KB) cover six decades of pressure.
 */
public final class PressureSketch {

    /** Relative accuracy of reported quantiles. */
    public static final double RELATIVE_ACCURACY = 0.005;
    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);
    private static final double MIN_POSITIVE = 1e-9;

    /** counts[i] is the count of bucket {@code lowestKey + i}. */
    private long[] counts = new long[0];
    private int lowestKey;
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
        int i = slot(key); // before indexing: slot may replace the array
        counts[i]++;
    }

    /** The index of a bucket's counter, widening the array to reach it. */
    private int slot(int key) {
        if (counts.length == 0) {
            counts = new long[16];
            lowestKey = key - 8;
        } else if (key < lowestKey) {
            int grow = Math.max(lowestKey - key, counts.length / 2);
            long[] wider = new long[counts.length + grow];
            System.arraycopy(counts, 0, wider, grow, counts.length);
            counts = wider;
            lowestKey -= grow;
        } else if (key - lowestKey >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(key - lowestKey + 1, counts.length + counts.length / 2));
        }
        return key - lowestKey;
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
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return 2 * Math.pow(GAMMA, lowestKey + i) / (GAMMA + 1);
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond count " + count);
    }
}
