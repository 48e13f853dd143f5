package dev.spinetrack.server.engine.feedback;

import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.server.engine.band.PressureBand;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BandFeedbackTest {

    private static final PressureBand BAND = new PressureBand(20, 30, PressureUnit.KILOPASCAL);

    @Test
    void saysHarderInZoneOrLighter() {
        BandFeedback f = new BandFeedback(BAND, 1, 0);
        assertEquals(BandCue.HARDER, f.update(0, 10));
        assertEquals(BandCue.IN_ZONE, f.update(20, 25));
        assertEquals(BandCue.LIGHTER, f.update(40, 40));
        assertEquals(BandCue.HARDER, f.update(60, 5));
    }

    @Test
    void hysteresisKeepsTheCueSteadyOnTheEdgeOfTheBand() {
        BandFeedback f = new BandFeedback(BAND, 1.5, 0);
        f.update(0, 25);
        // Noise around the lower edge, never more than the margin below it: stays in zone.
        Random rnd = new Random(7);
        List<BandCue> cues = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            cues.add(f.update(i * 20L, 20 + (rnd.nextDouble() * 2.8 - 1.4)));
        }
        assertEquals(List.of(BandCue.IN_ZONE), cues.stream().distinct().toList());
        // Below the band by more than the margin: harder; back just inside the band: still harder,
        // until the pressure is the margin inside.
        assertEquals(BandCue.HARDER, f.update(20_000, 18));
        assertEquals(BandCue.HARDER, f.update(20_020, 20.5));
        assertEquals(BandCue.IN_ZONE, f.update(20_040, 21.6));
    }

    @Test
    void settleDelayHoldsANewCueBackUntilItLasts() {
        BandFeedback f = new BandFeedback(BAND, 0, 300);
        assertEquals(BandCue.IN_ZONE, f.update(0, 25), "the first sample shows at once");
        assertEquals(BandCue.IN_ZONE, f.update(100, 35));
        assertEquals(BandCue.IN_ZONE, f.update(200, 25), "a 100 ms excursion does not flicker");
        assertEquals(BandCue.IN_ZONE, f.update(300, 35));
        assertEquals(BandCue.IN_ZONE, f.update(500, 36));
        assertEquals(BandCue.LIGHTER, f.update(600, 36), "held for 300 ms: shown");
        assertEquals(BandCue.LIGHTER, f.update(700, 10), "too short to show");
        assertEquals(BandCue.LIGHTER, f.update(800, 25), "candidate changed again: timer restarts");
        assertEquals(BandCue.IN_ZONE, f.update(1100, 25));
    }

    @Test
    void rejectsAMarginThatWouldSwallowTheBand() {
        assertThrows(IllegalArgumentException.class, () -> new BandFeedback(BAND, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> new BandFeedback(BAND, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new BandFeedback(BAND, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> BandFeedback.withDefaults(
                new PressureBand(20, 20, PressureUnit.KILOPASCAL)), "a point band leaves no room for hysteresis");
    }
}
