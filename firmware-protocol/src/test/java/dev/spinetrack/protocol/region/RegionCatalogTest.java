package dev.spinetrack.protocol.region;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionCatalogTest {

    @ParameterizedTest
    @EnumSource(SpinalLevel.class)
    void everyLevelLiesInExactlyOneSegment(SpinalLevel level) {
        List<SpinalSegment> holders = new ArrayList<>();
        for (SpinalSegment s : SpinalSegment.values()) {
            if (s.contains(level)) {
                holders.add(s);
            }
        }
        assertEquals(List.of(SpinalSegment.of(level)), holders);
    }

    @Test
    void segmentsFollowTheDocumentedLevelRanges() {
        assertEquals(List.of(SpinalLevel.C7, SpinalLevel.T1), levelsOf(SpinalSegment.CERVICOTHORACIC));
        assertEquals(List.of(SpinalLevel.T2, SpinalLevel.T3, SpinalLevel.T4), levelsOf(SpinalSegment.UPPER_THORACIC));
        assertEquals(List.of(SpinalLevel.T5, SpinalLevel.T6, SpinalLevel.T7, SpinalLevel.T8),
                levelsOf(SpinalSegment.MID_THORACIC));
        assertEquals(List.of(SpinalLevel.T9, SpinalLevel.T10, SpinalLevel.T11, SpinalLevel.T12),
                levelsOf(SpinalSegment.LOWER_THORACIC));
        assertEquals(List.of(SpinalLevel.L1, SpinalLevel.L2, SpinalLevel.L3, SpinalLevel.L4, SpinalLevel.L5),
                levelsOf(SpinalSegment.LUMBAR));
    }

    @Test
    void levelCodesRunFromSevenToTwentyFour() {
        assertEquals(7, SpinalLevel.C7.code());
        assertEquals(8, SpinalLevel.T1.code());
        assertEquals(19, SpinalLevel.T12.code());
        assertEquals(20, SpinalLevel.L1.code());
        assertEquals(24, SpinalLevel.L5.code());
        for (SpinalLevel l : SpinalLevel.values()) {
            assertEquals(l, SpinalLevel.ofCode(l.code()));
        }
        assertNull(SpinalLevel.ofCode(6));
        assertNull(SpinalLevel.ofCode(25));
    }

    @Test
    void nearestLevelRoundsHalfTowardTheLumbarEndAndClamps() {
        assertEquals(SpinalLevel.T6, SpinalLevel.nearest(12.5));
        assertEquals(SpinalLevel.T5, SpinalLevel.nearest(12.49));
        assertEquals(SpinalLevel.C7, SpinalLevel.nearest(-3));
        assertEquals(SpinalLevel.L5, SpinalLevel.nearest(99));
    }

    @Test
    void cellsMapToTheRegionOfTheirSegmentAndSide() {
        assertEquals(Optional.of(Region.MID_THORACIC_LEFT), RegionCatalog.regionOf(SpinalLevel.T6, Side.LEFT));
        assertEquals(Optional.of(Region.MID_THORACIC_RIGHT), RegionCatalog.regionOf(SpinalLevel.T8, Side.RIGHT));
        assertEquals(Optional.of(Region.LOWER_THORACIC_RIGHT), RegionCatalog.regionOf(SpinalLevel.T9, Side.RIGHT));
        assertEquals(Optional.of(Region.CERVICOTHORACIC_LEFT), RegionCatalog.regionOf(SpinalLevel.C7, Side.LEFT));
        assertEquals(Optional.of(Region.LUMBAR_RIGHT), RegionCatalog.regionOf(SpinalLevel.L5, Side.RIGHT));
        assertEquals(Optional.empty(), RegionCatalog.regionOf(SpinalLevel.T6, Side.NONE));
        assertEquals(Optional.empty(), RegionCatalog.regionOf(null, Side.LEFT));
    }

    @Test
    void everyRegionIsOneSegmentOnOneSide() {
        assertEquals(10, RegionCatalog.all().size());
        Set<Region> seen = EnumSet.noneOf(Region.class);
        for (SpinalSegment s : SpinalSegment.values()) {
            for (Side side : List.of(Side.LEFT, Side.RIGHT)) {
                Region r = Region.of(s, side);
                assertEquals(s, r.segment());
                assertEquals(side, r.side());
                assertEquals(r, r.opposite().opposite());
                assertEquals(s, r.opposite().segment());
                seen.add(r);
            }
        }
        assertEquals(EnumSet.allOf(Region.class), seen);
        assertThrows(IllegalArgumentException.class, () -> Region.of(SpinalSegment.LUMBAR, Side.NONE));
        assertEquals("Mid thoracic, left", Region.MID_THORACIC_LEFT.label());
    }

    @Test
    void musclesLieWhereTheMethodWorksOnThem() {
        assertEquals(List.of(Muscle.MIDDLE_TRAPEZIUS, Muscle.LOWER_TRAPEZIUS, Muscle.RHOMBOIDS, Muscle.ERECTOR_SPINAE),
                Region.MID_THORACIC_RIGHT.muscles());
        assertEquals(List.of(Muscle.ERECTOR_SPINAE), Region.LUMBAR_LEFT.muscles());
        assertEquals(List.of(Region.MID_THORACIC_LEFT, Region.MID_THORACIC_RIGHT, Region.LOWER_THORACIC_LEFT,
                Region.LOWER_THORACIC_RIGHT), RegionCatalog.regionsWith(Muscle.LOWER_TRAPEZIUS));
        assertEquals(10, RegionCatalog.regionsWith(Muscle.ERECTOR_SPINAE).size());
        assertEquals(6, RegionCatalog.regionsWith(Muscle.RHOMBOIDS).size());
        for (Muscle m : Muscle.values()) {
            assertTrue(!RegionCatalog.regionsWith(m).isEmpty(), m + " lies somewhere");
        }
        assertEquals("lower trapezius", Muscle.LOWER_TRAPEZIUS.label());
    }

    @Test
    void regionIdsParseLeniently() {
        assertEquals(Optional.of(Region.MID_THORACIC_LEFT), RegionCatalog.parse("MID_THORACIC_LEFT"));
        assertEquals(Optional.of(Region.LUMBAR_RIGHT), RegionCatalog.parse("  lumbar_right "));
        assertEquals(Optional.empty(), RegionCatalog.parse("MID_THORACIC"));
        assertEquals(Optional.empty(), RegionCatalog.parse(""));
        assertEquals(Optional.empty(), RegionCatalog.parse(null));
    }

    @Test
    void sideCodesAreTheCapabilityRecordsCodes() {
        assertEquals(Side.NONE, Side.ofCode(0));
        assertEquals(Side.LEFT, Side.ofCode(1));
        assertEquals(Side.RIGHT, Side.ofCode(2));
        assertNull(Side.ofCode(3));
    }

    private static List<SpinalLevel> levelsOf(SpinalSegment s) {
        return EnumSet.allOf(SpinalLevel.class).stream().filter(s::contains).toList();
    }
}
