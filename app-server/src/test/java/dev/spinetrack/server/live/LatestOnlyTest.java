package dev.spinetrack.server.live;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatestOnlyTest {

    private static final long MS = 1_000_000L;

    @Test
    void passesOnePerIntervalAndHoldsOnlyTheNewest() {
        LatestOnly<String, String> l = new LatestOnly<>(250 * MS);
        assertTrue(l.offer("s1", "a", 0), "the first goes at once");
        assertFalse(l.offer("s1", "b", 10 * MS));
        assertFalse(l.offer("s1", "c", 20 * MS));
        assertEquals(230 * MS, l.untilNextDue(20 * MS));
        assertEquals(List.of(), l.due(249 * MS));
        assertEquals(List.of("c"), l.due(250 * MS), "b was superseded by c");
        assertEquals(-1, l.untilNextDue(250 * MS));
        assertFalse(l.offer("s1", "d", 300 * MS), "the held one counted as sent at 250");
        assertTrue(l.offer("s1", "e", 500 * MS), "an interval after: at once, superseding d");
        assertEquals(List.of(), l.due(10_000 * MS));
    }

    @Test
    void keysAreIndependent() {
        LatestOnly<String, String> l = new LatestOnly<>(250 * MS);
        assertTrue(l.offer("s1", "a", 0));
        assertTrue(l.offer("s2", "x", 1 * MS));
        assertFalse(l.offer("s1", "b", 2 * MS));
        assertFalse(l.offer("s2", "y", 100 * MS));
        assertEquals(List.of("b"), l.due(250 * MS));
        assertEquals(1 * MS, l.untilNextDue(250 * MS));
        assertEquals(List.of("y"), l.due(251 * MS));
    }

    @Test
    void aHeldMessageCanBeTakenAheadOfSomethingThatMustNotOvertakeIt() {
        LatestOnly<String, String> l = new LatestOnly<>(250 * MS);
        l.offer("s1", "a", 0);
        l.offer("s1", "b", 5 * MS);
        assertEquals("b", l.take("s1", 6 * MS));
        assertNull(l.take("s1", 7 * MS));
        assertEquals(List.of(), l.due(1_000 * MS));
        assertFalse(l.offer("s1", "c", 100 * MS), "taken counts as sent at 6 ms");
    }

    @Test
    void forgetsQuietKeysButNeverAHeldMessage() {
        LatestOnly<String, String> l = new LatestOnly<>(250 * MS);
        l.offer("old", "a", 0);
        l.offer("busy", "x", 0);
        l.offer("busy", "y", 1 * MS);
        l.forgetOlderThan(600_000 * MS, 600_000 * MS);
        assertEquals(1, l.size(), "old forgotten, busy still holds y");
        assertEquals(List.of("y"), l.due(600_000 * MS));
    }

    @Test
    void forgetsQuietKeysOnItsOwnWhileOffersComeIn() {
        LatestOnly<String, String> l = new LatestOnly<>(250 * MS, 600_000 * MS);
        l.offer("s1", "a", 0);
        l.offer("s2", "x", 1_000 * MS);
        assertEquals(2, l.size());
        assertTrue(l.offer("s2", "y", 600_000 * MS), "s2's last went out 599 s before");
        assertEquals(1, l.size(), "the offer swept the history: s1 went out 600 s before and is forgotten");
        assertTrue(l.offer("s3", "z", 1_200_000 * MS));
        assertEquals(1, l.size(), "s2 forgotten in turn; s3 is new");
    }

    @Test
    void anIntervalOfZeroPassesEverything() {
        LatestOnly<String, String> l = new LatestOnly<>(0);
        assertTrue(l.offer("s1", "a", 0));
        assertTrue(l.offer("s1", "b", 0));
    }
}
