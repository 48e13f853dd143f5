package dev.spinetrack.protocol.gatt;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.RegionCatalog;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a pressure channel sits: a rack cell's vertebral level and side, or
 * {@link #UNPLACED} for a ball's single channel.
 *
 * @param level vertebral level, {@code null} when unplaced
 * @param side  side of the spine, {@code NONE} when unplaced
 */
public record CellPlacement(SpinalLevel level, Side side) {

    /** A channel with no fixed place on the back (a ball). */
    public static final CellPlacement UNPLACED = new CellPlacement(null, Side.NONE);

    public CellPlacement {
        Objects.requireNonNull(side, "side");
        if ((level == null) != (side == Side.NONE)) {
            throw new IllegalArgumentException("a placement has both a level and a side, or neither");
        }
    }

    public boolean placed() {
        return level != null;
    }

    /** The region this cell presses on, when placed. */
    public Optional<Region> region() {
        return RegionCatalog.regionOf(level, side);
    }
}
