package dev.spinetrack.gateway.device;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetPulseTest {

    private static final long MS = 1_000_000;

    /** A stream whose latest value came {@code agoMs} before t = 1,000 s. */
    private static FleetPulse.Stream at(long agoMs) {
        return () -> 1_000_000 * MS - agoMs * MS;
    }

    private static final long NOW = 1_000_000 * MS;

    @Test
    void aDeviceWithinItsLimitIsAlive() {
        assertNull(FleetPulse.verdict(999, 1000, 10, 5000));
    }

    @Test
    void aDeviceSilentWhileTheOthersStreamIsDead() {
        String why = FleetPulse.verdict(1001, 1000, 10, 20);
        assertNotNull(why);
        assertTrue(why.contains("1001 ms") && why.contains("limit 1000 ms"), why);
    }

    @Test
    void aSilenceOfTheWholeFleetIsHeldUpToFiveLimits() {
        assertNull(FleetPulse.verdict(1001, 1000, 10, 900), "all silent: the host stalled");
        assertNull(FleetPulse.verdict(5000, 1000, 10, 4900));
        String why = FleetPulse.verdict(5001, 1000, 10, 4900);
        assertNotNull(why, "past five limits the device is reconnected anyway");
        assertTrue(why.contains("other 10 devices silent"), why);
    }

    @Test
    void othersThatSentWithinHalfALimitMakeItTheDevicesOwnSilence() {
        assertNotNull(FleetPulse.verdict(1500, 1000, 10, 500));
        assertNull(FleetPulse.verdict(1500, 1000, 10, 501));
    }

    @Test
    void oneOtherDeviceTellsNothingAboutTheHost() {
        assertNotNull(FleetPulse.verdict(1001, 1000, 1, 5000));
        assertNotNull(FleetPulse.verdict(1001, 1000, 0, Long.MAX_VALUE));
    }

    @Test
    void judgesFromTheStreamsItWasTold() {
        FleetPulse pulse = new FleetPulse();
        FleetPulse.Stream quiet = at(1200);
        pulse.streaming(quiet);
        pulse.streaming(at(5));
        pulse.streaming(at(10));
        assertNotNull(pulse.silence(quiet, 1000, NOW), "the others stream: the device is dead");

        FleetPulse stalled = new FleetPulse();
        stalled.streaming(quiet);
        FleetPulse.Stream a = at(1100);
        FleetPulse.Stream b = at(1150);
        stalled.streaming(a);
        stalled.streaming(b);
        assertNull(stalled.silence(quiet, 1000, NOW), "everyone silent: held");
        stalled.ended(a);
        assertNotNull(stalled.silence(quiet, 1000, NOW), "one other left: no longer a fleet");
    }
}
