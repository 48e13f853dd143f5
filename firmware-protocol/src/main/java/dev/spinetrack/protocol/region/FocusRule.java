package dev.spinetrack.protocol.region;

import dev.spinetrack.protocol.gatt.CellPlacement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The shared definitions of DESIGN.md, as functions every component uses alike:
 * <ul>
 *   <li><b>contact</b>: the sample's highest channel pressure exceeds the contact threshold;</li>
 *   <li><b>focus region</b> of a rack sample: the side whose cells carry more total pressure
 *       (left on a tie), and along the spine the region of the pressure-weighted mean level
 *       of that side's cells (the centroid); of a ball sample: the region it is told;</li>
 *   <li><b>focus pressure</b>: the highest cell pressure on the focus side (rack), the
 *       channel's pressure (ball);</li>
 *   <li><b>dwell</b> and <b>data gaps</b>: see {@link #DEFAULT_GAP_LIMIT_MS}.</li>
 * </ul>
 * The side and the level are decided exactly: pressures are decimal values ({@code raw x
 * scaleMilli / 1000}, sent as the shortest decimal of their double), and a tie of sides or a
 * centroid exactly half-way between two levels must not go the way floating-point rounding
 * happens to fall (10.02 + 11.10 is 21.119999999999997 in doubles). Clear cases are decided in
 * doubles; the rare near-tie or near-half is decided again on the exact decimals.
 */
public final class FocusRule {

    /**
     * The gap limit: an interval between consecutive samples of one device longer than this
     * is a data gap, not dwell. Dwell(region) sums the intervals whose earlier sample is in
     * contact with focus on that region.
     */
    public static final long DEFAULT_GAP_LIMIT_MS = 1000;

    private FocusRule() {
    }

    /** Whether a sample is in contact. */
    public static boolean inContact(double[] pressures, double contactThreshold) {
        for (double p : pressures) {
            if (p > contactThreshold) {
                return true;
            }
        }
        return false;
    }

    /** Focus of a rack sample; empty when no cell carries pressure. */
    public static Optional<Focus> rackFocus(double[] pressures, List<CellPlacement> cells) {
        if (pressures.length != cells.size()) {
            throw new IllegalArgumentException("sample has " + pressures.length + " channels, device has "
                    + cells.size() + " cells");
        }
        double left = 0;
        double right = 0;
        for (int i = 0; i < pressures.length; i++) {
            Side s = cells.get(i).side();
            if (s == Side.LEFT) {
                left += pressures[i];
            } else if (s == Side.RIGHT) {
                right += pressures[i];
            }
        }
        if (left <= 0 && right <= 0) {
            return Optional.empty();
        }
        Side side = focusSide(pressures, cells, left, right);
        double weighted = 0;
        double total = 0;
        double peak = 0;
        for (int i = 0; i < pressures.length; i++) {
            CellPlacement c = cells.get(i);
            if (c.side() == side) {
                weighted += pressures[i] * c.level().code();
                total += pressures[i];
                peak = Math.max(peak, pressures[i]);
            }
        }
        double centroid = weighted / total;
        int level = nearestLevelCode(pressures, cells, side, centroid);
        return Optional.of(new Focus(Region.of(SpinalSegment.of(SpinalLevel.ofCode(level)), side), peak, centroid));
    }

    /** Relative distance under which a double sum or quotient is re-decided exactly. */
    private static final double NEAR = 1e-9;

    private static Side focusSide(double[] pressures, List<CellPlacement> cells, double left, double right) {
        if (Math.abs(left - right) > NEAR * Math.max(left, right)) {
            return left > right ? Side.LEFT : Side.RIGHT;
        }
        BigDecimal l = BigDecimal.ZERO;
        BigDecimal r = BigDecimal.ZERO;
        for (int i = 0; i < pressures.length; i++) {
            Side s = cells.get(i).side();
            if (s == Side.LEFT) {
                l = l.add(BigDecimal.valueOf(pressures[i]));
            } else if (s == Side.RIGHT) {
                r = r.add(BigDecimal.valueOf(pressures[i]));
            }
        }
        return l.compareTo(r) >= 0 ? Side.LEFT : Side.RIGHT;
    }

    /**
     * The level code nearest the centroid, a half rounding toward the lumbar end (up); exactly
     * {@code n = floor(W / T + 1/2)}, i.e. the largest n with {@code (2n - 1) T <= 2 W}.
     */
    private static int nearestLevelCode(double[] pressures, List<CellPlacement> cells, Side side, double centroid) {
        double floor = Math.floor(centroid);
        double fraction = centroid - floor;
        long n;
        if (Math.abs(fraction - 0.5) > NEAR) {
            n = Math.round(centroid);
        } else {
            BigDecimal w = BigDecimal.ZERO;
            BigDecimal t = BigDecimal.ZERO;
            for (int i = 0; i < pressures.length; i++) {
                CellPlacement c = cells.get(i);
                if (c.side() == side) {
                    BigDecimal p = BigDecimal.valueOf(pressures[i]);
                    w = w.add(p.multiply(BigDecimal.valueOf(c.level().code())));
                    t = t.add(p);
                }
            }
            long half = (long) floor; // the candidate levels are half and half + 1
            BigDecimal boundary = t.multiply(BigDecimal.valueOf(2 * half + 1)); // (2h + 1) T vs 2 W
            n = w.multiply(BigDecimal.valueOf(2)).compareTo(boundary) >= 0 ? half + 1 : half;
        }
        return (int) Math.max(SpinalLevel.MIN_CODE, Math.min(SpinalLevel.MAX_CODE, n));
    }

    /** Focus of a ball sample on the region it was told (active step or user tag). */
    public static Focus ballFocus(double pressure, Region toldRegion) {
        return new Focus(toldRegion, pressure, Double.NaN);
    }
}
