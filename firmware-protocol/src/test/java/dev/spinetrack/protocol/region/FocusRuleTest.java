package dev.spinetrack.protocol.region;

import dev.spinetrack.protocol.gatt.CellPlacement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FocusRuleTest {

    private static final List<CellPlacement> CELLS = List.of(
            new CellPlacement(SpinalLevel.T5, Side.LEFT), new CellPlacement(SpinalLevel.T6, Side.LEFT),
            new CellPlacement(SpinalLevel.T7, Side.LEFT), new CellPlacement(SpinalLevel.T5, Side.RIGHT),
            new CellPlacement(SpinalLevel.T9, Side.RIGHT), new CellPlacement(SpinalLevel.L1, Side.RIGHT));

    @Test
    void contactNeedsAChannelStrictlyAboveTheThreshold() {
        assertTrue(FocusRule.inContact(new double[] {0, 5.01}, 5.0));
        assertFalse(FocusRule.inContact(new double[] {5.0, 5.0}, 5.0));
        assertFalse(FocusRule.inContact(new double[] {0}, 0));
        assertTrue(FocusRule.inContact(new double[] {0.001}, 0));
    }

    @Test
    void theDocumentsWorkedExample() {
        Focus f = FocusRule.rackFocus(new double[] {10, 30, 0, 20, 0, 0}, CELLS).orElseThrow();
        assertEquals(Region.MID_THORACIC_LEFT, f.region());
        assertEquals(30, f.pressure());
        assertEquals(12.75, f.centroidLevel(), 1e-12);
    }

    @Test
    void theHeavierSideWinsEvenWhenTheOtherHasTheHigherPeak() {
        // right: one 25 N cell; left: 3 x 10 N = 30 N. Left is the focus; its peak is 10.
        Focus f = FocusRule.rackFocus(new double[] {10, 10, 10, 25, 0, 0}, CELLS).orElseThrow();
        assertEquals(Side.LEFT, f.region().side());
        assertEquals(10, f.pressure());
        assertEquals(13.0, f.centroidLevel(), 1e-12);
    }

    @Test
    void theCentroidCanFallBetweenCellsInAnotherSegment() {
        // right: T5 (12) and L1 (20) equally loaded -> centroid 16 = T9, lower thoracic.
        Focus f = FocusRule.rackFocus(new double[] {0, 0, 0, 8, 0, 8}, CELLS).orElseThrow();
        assertEquals(Region.LOWER_THORACIC_RIGHT, f.region());
        assertEquals(16.0, f.centroidLevel(), 1e-12);
        assertEquals(8, f.pressure());
    }

    @Test
    void aTieGoesToTheLeft() {
        Focus f = FocusRule.rackFocus(new double[] {0, 0, 20, 0, 20, 0}, CELLS).orElseThrow();
        assertEquals(Region.MID_THORACIC_LEFT, f.region());
        assertEquals(14.0, f.centroidLevel(), 1e-12);
    }

    @Test
    void noPressureMeansNoFocus() {
        assertEquals(Optional.empty(), FocusRule.rackFocus(new double[] {0, 0, 0, 0, 0, 0}, CELLS));
    }

    @Test
    void channelCountMustMatchTheCells() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FocusRule.rackFocus(new double[] {1, 2}, CELLS));
        assertEquals("sample has 2 channels, device has 6 cells", e.getMessage());
    }

    @Test
    void aBallFocusesOnTheRegionItIsTold() {
        Focus f = FocusRule.ballFocus(42.5, Region.UPPER_THORACIC_RIGHT);
        assertEquals(Region.UPPER_THORACIC_RIGHT, f.region());
        assertEquals(42.5, f.pressure());
        assertTrue(Double.isNaN(f.centroidLevel()));
        assertThrows(IllegalArgumentException.class, () -> FocusRule.ballFocus(-1, Region.LUMBAR_LEFT));
        assertThrows(NullPointerException.class, () -> FocusRule.ballFocus(1, null));
    }

    @Test
    void theGapLimitIsOneSecond() {
        assertEquals(1000, FocusRule.DEFAULT_GAP_LIMIT_MS);
    }
}
