package dev.spinetrack.gateway.mqtt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The confirmation window's slow start: 500 (or less) at first, growing by what is confirmed. */
class ConfirmWindowTest {

    @Test
    void startsWithinWhatADefaultMosquittoQueuesForAClient() {
        assertEquals(500, new ConfirmWindow(4_000).size());
        assertEquals(120, new ConfirmWindow(120).size(), "never above the configured most");
    }

    @Test
    void growsByWhatTheServerConfirmsUpToTheConfiguredMost() {
        ConfirmWindow w = new ConfirmWindow(4_000);
        w.confirmed(500);
        assertEquals(1_000, w.size(), "a round trip's worth of confirmations doubles it");
        w.confirmed(1_000);
        w.confirmed(1_000);
        assertEquals(3_000, w.size());
        w.confirmed(5_000);
        assertEquals(4_000, w.size());
        w.confirmed(Integer.MAX_VALUE);
        assertEquals(4_000, w.size(), "no overflow past the most");
    }

    @Test
    void startsSmallAgainAfterAReconnectOrATimeout() {
        ConfirmWindow w = new ConfirmWindow(4_000);
        w.confirmed(3_500);
        w.restart();
        assertEquals(500, w.size());
    }

    @Test
    void aWindowOfNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConfirmWindow(0));
    }
}
