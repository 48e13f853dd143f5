package dev.spinetrack.server.engine.session;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.mqtt.CellInfo;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.region.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a new device info changes (docs/server.md "Sample identity": a changed boot is a reboot). */
class InfoChangeTest {

    private static DeviceInfo ball(double threshold, Long boot) {
        return new DeviceInfo(1, "gw-test", "c0ffee000001", "ball", DeviceKind.BALL, "1.0", 10, 100, 50,
                PressureUnit.KILOPASCAL, threshold, List.of(new CellInfo(0, null, Side.NONE, null)), boot);
    }

    @Test
    void theFirstInfoStartsTrackingAndIsNoReboot() {
        InfoChange c = InfoChange.between(null, ball(2, 7L));
        assertTrue(c.retrack());
        assertFalse(c.rebooted());
    }

    @Test
    void theSameInfoAgainChangesNothing() {
        InfoChange c = InfoChange.between(ball(2, 7L), ball(2, 7L));
        assertFalse(c.retrack());
        assertFalse(c.rebooted());
    }

    @Test
    void aNewBootIsARebootFromTheOldOne() {
        InfoChange c = InfoChange.between(ball(2, 7L), ball(2, 8L));
        assertEquals(7L, c.rebootedFrom());
        assertFalse(c.retrack(), "the profile is the same");
    }

    @Test
    void withoutABootOnEitherSideThereIsNoReboot() {
        assertNull(InfoChange.between(ball(2, null), ball(2, 8L)).rebootedFrom());
        assertNull(InfoChange.between(ball(2, 7L), ball(2, null)).rebootedFrom());
    }

    @Test
    void anotherContactThresholdRetracks() {
        assertTrue(InfoChange.between(ball(2, 7L), ball(3, 7L)).retrack());
    }
}
