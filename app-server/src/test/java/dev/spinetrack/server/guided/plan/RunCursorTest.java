package dev.spinetrack.server.guided.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A guided run coaches each sample of its server session once, in seq order, from its start request on. */
class RunCursorTest {

    // a run started when the device had sent up to seq 99: fromSeq 100, nothing coached yet (cursor 99)

    @Test
    void theFirstSampleAfterTheStartIsTaken() {
        assertEquals(RunCursor.Step.TAKE, RunCursor.next(100, 99, 100));
    }

    @Test
    void samplesFromBeforeTheStartAndSamplesSeenAreSkipped() {
        assertEquals(RunCursor.Step.SKIP, RunCursor.next(98, 97, 100), "history from before the start request");
        assertEquals(RunCursor.Step.SKIP, RunCursor.next(120, 120, 100), "coached already");
        assertEquals(RunCursor.Step.SKIP, RunCursor.next(110, 120, 100), "a redelivery below the cursor");
    }

    @Test
    void aSampleBeyondTheNextOneFirstFillsTheHole() {
        assertEquals(RunCursor.Step.FILL_HOLE, RunCursor.next(125, 120, 100));
        assertEquals(RunCursor.Step.TAKE, RunCursor.next(121, 120, 100));
    }

    @Test
    void onlySamplesOfTheRunsOwnSessionBelong() {
        assertTrue(RunCursor.belongs(5L, 5));
        assertFalse(RunCursor.belongs(6L, 5), "another session: the run's ended under it");
        assertFalse(RunCursor.belongs(null, 5), "outside any session");
    }

    @Test
    void readingBackStartsAtTheCursorButNeverBeforeTheStart() {
        assertEquals(120, RunCursor.readFrom(120, 100));
        assertEquals(99, RunCursor.readFrom(50, 100), "a cursor from before the start");
    }

    @Test
    void readingBackGoesInChunksUpToTheHole() {
        assertEquals(2_120, RunCursor.readTo(120, Long.MAX_VALUE, 2_000), "as far as storage goes, a chunk at a time");
        assertEquals(124, RunCursor.readTo(120, 124, 2_000), "up to the sample before the hole");
        assertEquals(2_120, RunCursor.readTo(120, 9_000, 2_000), "a long hole, a chunk at a time");
    }
}
