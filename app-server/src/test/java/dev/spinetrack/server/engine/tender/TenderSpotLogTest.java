package dev.spinetrack.server.engine.tender;

import dev.spinetrack.protocol.region.Region;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenderSpotLogTest {

    @Test
    void trendComparesFirstAndLatestAcrossRoundsAndSessions() {
        TenderSpotLog log = new TenderSpotLog();
        log.add(new TenderRating("s1", 1, Region.MID_THORACIC_LEFT, 6, 20.0, 1_000));
        log.add(new TenderRating("s1", 2, Region.MID_THORACIC_LEFT, 5, 22.0, 2_000));
        log.add(new TenderRating("s2", 1, Region.MID_THORACIC_LEFT, 3, 24.0, 90_000));
        log.add(new TenderRating("s2", 1, Region.LUMBAR_RIGHT, 4, 10.0, 91_000));
        TenderTrend t = log.trend(Region.MID_THORACIC_LEFT).orElseThrow();
        assertEquals("tolerates 20 % more pressure, tenderness 6 -> 3", t.summary());
        assertEquals(3, t.ratings());
        assertEquals(20, t.pressureChangePct());
        assertTrue(t.improving());
        assertEquals("tenderness 4 (first rating)", log.trend(Region.LUMBAR_RIGHT).orElseThrow().summary());
        assertEquals(2, log.trends().size());
        assertFalse(log.trend(Region.LUMBAR_LEFT).isPresent());
    }

    @Test
    void ratingsOutOfOrderAreSortedAndUnknownPressureIsSaid() {
        TenderSpotLog log = new TenderSpotLog();
        log.add(new TenderRating("s2", 1, Region.LUMBAR_LEFT, 7, 12.0, 5_000));
        log.add(new TenderRating("s1", 1, Region.LUMBAR_LEFT, 4, 15.0, 1_000));
        assertEquals("tolerates 20 % less pressure, tenderness 4 -> 7",
                log.trend(Region.LUMBAR_LEFT).orElseThrow().summary());
        assertFalse(log.trend(Region.LUMBAR_LEFT).orElseThrow().improving());

        TenderSpotLog noPressure = new TenderSpotLog();
        noPressure.add(new TenderRating("s1", 0, Region.LUMBAR_LEFT, 5, Double.NaN, 1));
        noPressure.add(new TenderRating("s1", 0, Region.LUMBAR_LEFT, 2, Double.NaN, 2));
        TenderTrend t = noPressure.trend(Region.LUMBAR_LEFT).orElseThrow();
        assertEquals("tenderness 5 -> 2", t.summary());
        assertNull(t.pressureChangePct());
    }

    @Test
    void ratingsOutsideTheScaleAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TenderRating("s", 1, Region.LUMBAR_LEFT, 11, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TenderRating("s", 1, Region.LUMBAR_LEFT, -1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TenderRating("s", 1, Region.LUMBAR_LEFT, 5, -3, 0));
    }

    @Test
    void toleratedPressureIsTheTimeWeightedMeanWhileDwelling() {
        ToleratedPressure tp = new ToleratedPressure();
        tp.update(0, Region.MID_THORACIC_LEFT, 10, true);
        tp.update(100, Region.MID_THORACIC_LEFT, 30, true); // 100 ms at 10
        tp.update(400, Region.MID_THORACIC_LEFT, 0, false); // 300 ms at 30
        tp.update(900, Region.MID_THORACIC_LEFT, 50, true); // no contact: not counted
        tp.update(3_000, Region.MID_THORACIC_LEFT, 50, true); // gap
        assertEquals(25.0, tp.mean(Region.MID_THORACIC_LEFT), 1e-9);
        assertEquals(400, tp.dwellMs(Region.MID_THORACIC_LEFT));
        assertTrue(Double.isNaN(tp.mean(Region.LUMBAR_LEFT)));
        tp.newRound();
        assertTrue(Double.isNaN(tp.mean(Region.MID_THORACIC_LEFT)));
    }
}
