package dev.spinetrack.simulator.device;

import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * The capability records of the simulated models. The rack carries two columns of force cells
 * from C7 to L3 (left then right at each level, 32 cells, 0.1 N a count, contact above 5 N); the
 * ball one pressure channel (0.01 kPa a count, contact above 2 kPa).
 */
public final class DeviceProfiles {

    /** Lowest rate either model accepts with SET_RATE. */
    public static final int MIN_RATE_HZ = 10;
    /** Highest rate either model accepts with SET_RATE. */
    public static final int MAX_RATE_HZ = 200;
    /** Top and bottom level of the rack's cell columns. */
    public static final SpinalLevel RACK_TOP = SpinalLevel.C7;
    public static final SpinalLevel RACK_BOTTOM = SpinalLevel.L3;

    /** The rack's capability record. */
    public static final DeviceCapabilities RACK = rack();
    /** The ball's capability record. */
    public static final DeviceCapabilities BALL = new DeviceCapabilities(DeviceKind.BALL, 1, 1, 0,
            MIN_RATE_HZ, MAX_RATE_HZ, PressureUnit.KILOPASCAL, 10, 200, List.of(CellPlacement.UNPLACED));

    private DeviceProfiles() {
    }

    /** The capability record of a kind. */
    public static DeviceCapabilities of(DeviceKind kind) {
        return kind == DeviceKind.RACK ? RACK : BALL;
    }

    private static DeviceCapabilities rack() {
        List<CellPlacement> cells = new ArrayList<>();
        for (int code = RACK_TOP.code(); code <= RACK_BOTTOM.code(); code++) {
            cells.add(new CellPlacement(SpinalLevel.ofCode(code), Side.LEFT));
            cells.add(new CellPlacement(SpinalLevel.ofCode(code), Side.RIGHT));
        }
        return new DeviceCapabilities(DeviceKind.RACK, 1, 2, 0, MIN_RATE_HZ, MAX_RATE_HZ, PressureUnit.NEWTON,
                100, 50, cells);
    }
}
