package dev.spinetrack.server.engine.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A mark "now" applies from the device's next sample on (docs/server.md: tagRegionNow, setTargetBand). */
class MarkInstantTest {

    @Test
    void justAfterTheLatestTrackedSample() {
        assertEquals(5_001, MarkInstant.next(5_000L, 4_000L, 6_000L));
    }

    @Test
    void withoutATrackedSampleJustAfterTheSessionsLastStoredOne() {
        assertEquals(4_001, MarkInstant.next(null, 4_000L, 6_000L));
    }

    @Test
    void anEmptySessionMarksJustAfterTheDevicesLatestSample() {
        assertEquals(6_001, MarkInstant.next(null, null, 6_000L));
    }

    @Test
    void aDeviceThatNeverSentMarksFromTheStart() {
        assertEquals(0, MarkInstant.next(null, null, null));
    }
}
