package dev.spinetrack.server.engine.tracking;

import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.band.PressureBand;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DwellTrackerTest {

    private static final Region MID_L = Region.MID_THORACIC_LEFT;
    private static final Region LOW_R = Region.LOWER_THORACIC_RIGHT;
    private final DwellTracker tracker = new DwellTracker(1000, t -> new PressureBand(10, 20, PressureUnit.KILOPASCAL));

    private void feed(long seq, long t, boolean contact, Region r, double p) {
        tracker.accept(new FocusedSample(seq, t, contact, r, p));
    }

    @Test
    void intervalCountsForTheEarlierSamplesRegion() {
        feed(1, 0, true, MID_L, 15);
        feed(2, 100, true, LOW_R, 25);
        feed(3, 300, false, null, 0);
        feed(4, 400, true, MID_L, 5);
        List<RegionStats> r = tracker.regions();
        assertEquals(2, r.size());
        RegionStats mid = r.get(0);
        RegionStats low = r.get(1);
        assertEquals(MID_L, mid.region());
        assertEquals(100, mid.dwellMs(), "the last sample starts no interval");
        assertEquals(200, low.dwellMs());
        assertEquals(100, mid.inBandMs());
        assertEquals(200, low.aboveBandMs());
        assertEquals(300, tracker.totals().contactMs());
        assertEquals(4, tracker.totals().samples());
    }

    @Test
    void intervalsOverTheGapLimitAreGapsNotDwell() {
        feed(1, 0, true, MID_L, 15);
        feed(2, 1500, true, MID_L, 15);
        feed(3, 1600, true, MID_L, 15);
        RegionStats mid = tracker.regions().get(0);
        assertEquals(100, mid.dwellMs());
        assertEquals(1, mid.gapCount());
        assertEquals(1500, mid.gapMs());
        assertEquals(1500, tracker.totals().gapMs());
    }

    @Test
    void intervalOfExactlyTheGapLimitIsDwell() {
        feed(1, 0, true, MID_L, 15);
        feed(2, 1000, false, null, 0);
        assertEquals(1000, tracker.regions().get(0).dwellMs());
        assertEquals(0, tracker.totals().gapCount());
    }

    @Test
    void meanIsTimeWeightedAndPeakAndP95FollowTheDwellSamples() {
        feed(1, 0, true, MID_L, 10);
        feed(2, 300, true, MID_L, 30);
        feed(3, 400, true, MID_L, 99);
        RegionStats mid = tracker.regions().get(0);
        assertEquals((10 * 300 + 30 * 100) / 400.0, mid.meanPressure(), 1e-9);
        assertEquals(30, mid.peakPressure(), "the last sample starts no dwell interval");
        assertEquals(30, mid.p95Pressure(), 30 * PressureSketch.RELATIVE_ACCURACY);
    }

    @Test
    void zeroAndBackwardIntervalsHoldNoTime() {
        feed(1, 100, true, MID_L, 10);
        feed(2, 100, true, MID_L, 10);
        feed(3, 50, true, MID_L, 10);
        feed(4, 150, true, MID_L, 10);
        assertEquals(100, tracker.regions().get(0).dwellMs());
        assertEquals(1, tracker.regions().get(0).samples());
    }

    @Test
    void contactWithoutRegionIsUntagged() {
        feed(1, 0, true, null, 12);
        feed(2, 40, true, null, 12);
        assertTrue(tracker.regions().isEmpty());
        assertEquals(40, tracker.totals().untaggedMs());
    }

    @Test
    void samplesMustComeInSeqOrder() {
        feed(5, 0, true, MID_L, 10);
        assertThrows(IllegalArgumentException.class, () -> feed(5, 10, true, MID_L, 10));
    }
}
