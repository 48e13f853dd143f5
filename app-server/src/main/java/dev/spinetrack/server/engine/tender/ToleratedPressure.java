package dev.spinetrack.server.engine.tender;

import dev.spinetrack.protocol.region.FocusRule;
import dev.spinetrack.protocol.region.Region;

import java.util.EnumMap;
import java.util.Map;

/**
 * The pressure each region tolerated in the current round: the time-weighted mean focus
 * pressure while dwelling there (same interval rule as dwell: the interval after a sample in
 * contact, up to the gap limit). {@link #newRound()} starts over.
 */
public final class ToleratedPressure {

    private final Map<Region, double[]> sums = new EnumMap<>(Region.class); // {pressure*ms, ms}
    private long lastT = Long.MIN_VALUE;
    private Region lastRegion;
    private double lastPressure;
    private boolean lastContact;

    /** Takes the next sample at device time {@code t}. */
    public synchronized void update(long t, Region focus, double pressure, boolean contact) {
        if (lastT != Long.MIN_VALUE && lastContact && lastRegion != null && t > lastT
                && t - lastT <= FocusRule.DEFAULT_GAP_LIMIT_MS) {
            double[] s = sums.computeIfAbsent(lastRegion, r -> new double[2]);
            s[0] += lastPressure * (t - lastT);
            s[1] += t - lastT;
        }
        if (lastT == Long.MIN_VALUE || t >= lastT) {
            lastT = t;
            lastRegion = focus;
            lastPressure = pressure;
            lastContact = contact;
        }
    }

    /** Mean pressure on a region this round, or NaN when it was not pressed. */
    public synchronized double mean(Region region) {
        double[] s = sums.get(region);
        return s == null || s[1] == 0 ? Double.NaN : s[0] / s[1];
    }

    /** Dwell on a region this round, ms. */
    public synchronized long dwellMs(Region region) {
        double[] s = sums.get(region);
        return s == null ? 0 : (long) s[1];
    }

    /** Forgets this round's sums. */
    public synchronized void newRound() {
        sums.clear();
    }
}
