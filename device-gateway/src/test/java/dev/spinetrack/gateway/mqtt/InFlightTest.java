package dev.spinetrack.gateway.mqtt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InFlightTest {

    @Test
    void theLimitIsTheBrokersReceiveMaximumUpToTheGatewaysOwnCeiling() {
        assertEquals(20, InFlight.limitFor(20), "Mosquitto's default");
        assertEquals(10, InFlight.limitFor(10), "HiveMQ's default");
        assertEquals(1000, InFlight.limitFor(null), "absent means 65,535 (MQTT 5 §3.2.2.3.3)");
        assertEquals(1000, InFlight.limitFor(65_535));
        assertEquals(1, InFlight.limitFor(0), "a broker that says 0 (a protocol error) still gets one at a time");
    }

    @Test
    void roomAndFullnessFollowTheCountUntilCleared() {
        InFlight w = new InFlight();
        assertEquals(InFlight.BEFORE_CONNACK, w.limit(), "before any CONNACK: the smallest common default");
        for (int i = 0; i < InFlight.BEFORE_CONNACK; i++) {
            assertFalse(w.full());
            w.sent();
        }
        assertTrue(w.full());
        assertEquals(0, w.room());
        w.done();
        assertEquals(1, w.room());
        w.clear();
        assertEquals(InFlight.BEFORE_CONNACK, w.room());
        w.connected(null);
        assertEquals(1000, w.limit(), "a token without properties: the property is absent");
    }
}
