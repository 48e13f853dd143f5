package dev.spinetrack.protocol.region;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Look-ups over the fixed catalog of regions. */
public final class RegionCatalog {

    private RegionCatalog() {
    }

    /** Every region, from the neck down, left before right. */
    public static List<Region> all() {
        return Arrays.asList(Region.values());
    }

    /** The region of a cell at a level and side; {@code Side.NONE} has no region. */
    public static Optional<Region> regionOf(SpinalLevel level, Side side) {
        if (level == null || side == null || side == Side.NONE) {
            return Optional.empty();
        }
        return Optional.of(Region.of(SpinalSegment.of(level), side));
    }

    /** The region at a fractional level position (code units, e.g. a pressure centroid). */
    public static Region regionAt(double levelCodePosition, Side side) {
        return Region.of(SpinalSegment.of(SpinalLevel.nearest(levelCodePosition)), side);
    }

    /** Regions that hold a muscle. */
    public static List<Region> regionsWith(Muscle muscle) {
        return all().stream().filter(r -> r.muscles().contains(muscle)).toList();
    }

    /** Parses a region id such as {@code MID_THORACIC_LEFT}; empty when unknown. */
    public static Optional<Region> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Region.valueOf(id.trim().toUpperCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
