package dev.spinetrack.server.engine.band;

import dev.spinetrack.protocol.gatt.PressureUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PressureBandTest {

    private static final PressureBand BAND = new PressureBand(10, 20, PressureUnit.NEWTON);

    @Test
    void boundsBelongToTheBand() {
        assertEquals(BandPosition.BELOW, BAND.position(9.999));
        assertEquals(BandPosition.IN, BAND.position(10));
        assertEquals(BandPosition.IN, BAND.position(20));
        assertEquals(BandPosition.ABOVE, BAND.position(20.001));
    }

    @Test
    void slackMovesBothBoundsOutOrIn() {
        assertEquals(BandPosition.IN, BAND.position(9, 1));
        assertEquals(BandPosition.BELOW, BAND.position(8.9, 1));
        assertEquals(BandPosition.IN, BAND.position(21, 1));
        assertEquals(BandPosition.ABOVE, BAND.position(21.1, 1));
        assertEquals(BandPosition.BELOW, BAND.position(10.5, -1));
        assertEquals(BandPosition.IN, BAND.position(11, -1));
        assertEquals(BandPosition.ABOVE, BAND.position(19.5, -1));
    }

    @Test
    void aSingleValueIsABandOfItsOwn() {
        PressureBand point = new PressureBand(12, 12, PressureUnit.KILOPASCAL);
        assertEquals(0, point.width());
        assertEquals(BandPosition.IN, point.position(12));
        assertEquals(BandPosition.BELOW, point.position(11.9));
        assertEquals(BandPosition.ABOVE, point.position(12.1));
    }

    @Test
    void rejectsBandsThatHoldNoPressure() {
        assertThrows(IllegalArgumentException.class, () -> new PressureBand(-1, 5, PressureUnit.NEWTON));
        assertThrows(IllegalArgumentException.class, () -> new PressureBand(6, 5, PressureUnit.NEWTON));
        assertThrows(IllegalArgumentException.class, () -> new PressureBand(1, Double.POSITIVE_INFINITY,
                PressureUnit.NEWTON));
        assertThrows(IllegalArgumentException.class, () -> new PressureBand(Double.NaN, 5, PressureUnit.NEWTON));
        assertThrows(NullPointerException.class, () -> new PressureBand(1, 5, null));
        assertThrows(IllegalArgumentException.class, () -> PressureBand.requireRange(5, 4));
    }
}
