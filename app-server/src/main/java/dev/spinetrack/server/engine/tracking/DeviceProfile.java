package dev.spinetrack.server.engine.tracking;

import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.mqtt.CellInfo;
import dev.spinetrack.protocol.mqtt.DeviceInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What tracking needs to know about a device, from its retained info.
 *
 * @param kind             RACK or BALL
 * @param contactThreshold contact threshold in the device unit
 * @param unit             the unit of its pressures (and of its bands)
 * @param cells            placement of each channel, by channel index
 */
public record DeviceProfile(DeviceKind kind, double contactThreshold, PressureUnit unit, List<CellPlacement> cells) {
    public DeviceProfile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("a device has at least one channel");
        }
    }

    /** The profile of a device info; cells are ordered by their index. */
    public static DeviceProfile of(DeviceInfo info) {
        CellPlacement[] placed = new CellPlacement[info.cells().size()];
        for (CellInfo c : info.cells()) {
            if (c.index() >= placed.length || placed[c.index()] != null) {
                throw new IllegalArgumentException("device " + info.device() + ": cell indexes must be 0.."
                        + (placed.length - 1) + " without repeats, found " + c.index());
            }
            placed[c.index()] = c.level() == null ? CellPlacement.UNPLACED : new CellPlacement(c.level(), c.side());
        }
        List<CellPlacement> cells = new ArrayList<>(List.of(placed));
        return new DeviceProfile(info.kind(), info.contactThreshold(), info.unit(), cells);
    }
}
