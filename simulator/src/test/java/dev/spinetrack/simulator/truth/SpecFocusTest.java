package dev.spinetrack.simulator.truth;

import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The oracle's reading of PROTOCOL.md 8.2 on the spec's own examples, at 0.01 N per count. */
class SpecFocusTest {

    private static DeviceCapabilities rack(CellPlacement... cells) {
        return new DeviceCapabilities(DeviceKind.RACK, 1, 0, 0, 25, 100, PressureUnit.NEWTON, 10, 500, List.of(cells));
    }

    private static CellPlacement cell(SpinalLevel level, Side side) {
        return new CellPlacement(level, side);
    }

    private static SampleFrame frame(int... raw) {
        return new SampleFrame(1, 1000, 0, 0, raw, SampleFrame.NO_BATTERY, false, true);
    }

    @Test
    void workedExampleOfTheSpec() {
        DeviceCapabilities caps = rack(cell(SpinalLevel.T5, Side.LEFT), cell(SpinalLevel.T6, Side.LEFT),
                cell(SpinalLevel.T7, Side.LEFT), cell(SpinalLevel.T5, Side.RIGHT));
        SpecFocus.Focused f = SpecFocus.focus(frame(1000, 3000, 0, 2000), caps, null);
        assertEquals(Region.MID_THORACIC_LEFT, f.region());
        assertEquals(3000, f.focusRaw());
    }

    @Test
    void anExactTieOfSidesIsLeft() {
        // 10.02 + 11.10 N on the left against 21.12 N on the right
        DeviceCapabilities caps = rack(cell(SpinalLevel.T5, Side.LEFT), cell(SpinalLevel.T6, Side.LEFT),
                cell(SpinalLevel.T5, Side.RIGHT));
        assertEquals(Region.MID_THORACIC_LEFT, SpecFocus.focus(frame(1002, 1110, 2112), caps, null).region());
        assertEquals(Region.MID_THORACIC_RIGHT, SpecFocus.focus(frame(1002, 1110, 2113), caps, null).region());
    }

    @Test
    void aCentroidExactlyHalfWayGoesTowardTheLumbarEnd() {
        // 7.28 N at T1 and at T2: centroid 8.5 -> level 9 = T2, upper thoracic
        DeviceCapabilities caps = rack(cell(SpinalLevel.T1, Side.LEFT), cell(SpinalLevel.T2, Side.LEFT),
                cell(SpinalLevel.T1, Side.RIGHT));
        assertEquals(Region.UPPER_THORACIC_LEFT, SpecFocus.focus(frame(728, 728, 0), caps, null).region());
        assertEquals(Region.CERVICOTHORACIC_LEFT, SpecFocus.focus(frame(729, 728, 0), caps, null).region());
    }

    @Test
    void contactIsStrictlyAboveTheThresholdAndNoPressureHasNoFocus() {
        DeviceCapabilities caps = rack(cell(SpinalLevel.T5, Side.LEFT), cell(SpinalLevel.T5, Side.RIGHT));
        assertFalse(SpecFocus.contact(frame(500, 500), caps));
        assertTrue(SpecFocus.contact(frame(0, 501), caps));
        assertNull(SpecFocus.focus(frame(0, 0), caps, null));
    }
}
