package dev.spinetrack.server.engine.tracking;

import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleFocuserTest {

    private static Sample sample(long t, double... p) {
        return new Sample(t, t, 0, 0, p, null);
    }

    @Test
    void rackFocusIsTheHeavierSidesCentroidRegion() {
        DeviceProfile rack = new DeviceProfile(DeviceKind.RACK, 5, PressureUnit.NEWTON, List.of(
                new CellPlacement(SpinalLevel.T6, Side.LEFT), new CellPlacement(SpinalLevel.T6, Side.RIGHT),
                new CellPlacement(SpinalLevel.T10, Side.LEFT), new CellPlacement(SpinalLevel.T10, Side.RIGHT)));
        SampleFocuser f = new SampleFocuser(rack, new Timeline<>(null));
        FocusedSample s = f.focus(sample(1, 30, 2, 0, 1));
        assertTrue(s.contact());
        assertEquals(Region.MID_THORACIC_LEFT, s.region());
        assertEquals(30, s.pressure());
        FocusedSample light = f.focus(sample(2, 1, 0, 2, 0));
        assertFalse(light.contact());
        FocusedSample none = f.focus(sample(3, 0, 0, 0, 0));
        assertNull(none.region());
        assertThrows(IllegalArgumentException.class, () -> f.focus(sample(4, 1, 2)));
    }

    @Test
    void ballTakesTheRegionTaggedAtItsTime() {
        DeviceProfile ball = new DeviceProfile(DeviceKind.BALL, 2, PressureUnit.KILOPASCAL, List.of(CellPlacement.UNPLACED));
        Timeline<Region> tags = new Timeline<>(null);
        tags.set(100, Region.LUMBAR_RIGHT);
        tags.set(200, null);
        SampleFocuser f = new SampleFocuser(ball, tags);
        assertNull(f.focus(sample(50, 10)).region());
        assertEquals(Region.LUMBAR_RIGHT, f.focus(sample(100, 10)).region());
        assertEquals(10, f.focus(sample(150, 10)).pressure());
        assertNull(f.focus(sample(250, 10)).region());
    }
}
