package dev.spinetrack.server.engine.feedback;

import dev.spinetrack.protocol.region.Region;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpotDwellCueTest {

    @Test
    void holdsUntilTheSpotsDwellTargetIsMetThenSaysMoveOn() {
        SpotDwellCue c = new SpotDwellCue(1_000);
        assertEquals(DwellCue.HOLD, c.update(0, Region.MID_THORACIC_LEFT, true).cue());
        for (int t = 100; t < 1_000; t += 100) {
            assertEquals(DwellCue.HOLD, c.update(t, Region.MID_THORACIC_LEFT, true).cue());
        }
        SpotDwell done = c.update(1_000, Region.MID_THORACIC_LEFT, true);
        assertEquals(DwellCue.MOVE_ON, done.cue());
        assertEquals(1_000, done.dwellMs());
        SpotDwell next = c.update(1_100, Region.LOWER_THORACIC_LEFT, true);
        assertEquals(Region.LOWER_THORACIC_LEFT, next.region());
        assertEquals(DwellCue.HOLD, next.cue(), "a new spot starts from its own dwell");
        assertEquals(1_100, c.dwellMs(Region.MID_THORACIC_LEFT));
    }

    @Test
    void noContactAndDataGapsAreNotDwell() {
        SpotDwellCue c = new SpotDwellCue(10_000);
        c.update(0, Region.LUMBAR_LEFT, false);
        c.update(500, Region.LUMBAR_LEFT, true);   // interval after a no-contact sample: not dwell
        c.update(900, Region.LUMBAR_LEFT, true);   // 400 ms
        c.update(2_000, Region.LUMBAR_LEFT, true); // 1100 ms > gap limit: a gap
        c.update(2_100, Region.LUMBAR_LEFT, true); // 100 ms
        assertEquals(500, c.dwellMs(Region.LUMBAR_LEFT));
    }

    @Test
    void rejectsANonPositiveTarget() {
        assertThrows(IllegalArgumentException.class, () -> new SpotDwellCue(0));
    }
}
