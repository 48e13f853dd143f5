package dev.spinetrack.protocol.region;

import dev.spinetrack.protocol.gatt.CellPlacement;

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
        Side side = left >= right ? Side.LEFT : Side.RIGHT;
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
        return Optional.of(new Focus(RegionCatalog.regionAt(centroid, side), peak, centroid));
    }

    /** Focus of a ball sample on the region it was told (active step or user tag). */
    public static Focus ballFocus(double pressure, Region toldRegion) {
        return new Focus(toldRegion, pressure, Double.NaN);
    }
}
