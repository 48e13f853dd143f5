package dev.spinetrack.protocol.vectors;

import dev.spinetrack.protocol.region.Focus;
import dev.spinetrack.protocol.region.FocusRule;
import dev.spinetrack.protocol.region.RegionCatalog;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The focus vectors of PROTOCOL.md 8.2 through {@link FocusRule}: the worked example, an exact
 * tie of sides and a centroid exactly half-way between two levels, which floating point used to
 * decide the wrong way.
 */
class FocusVectorTest {

    static List<ProtocolVectors.FocusCase> focusCases() {
        return ProtocolVectors.focusCases();
    }

    @ParameterizedTest
    @MethodSource("focusCases")
    void rackFocusGivesTheSideLevelAndRegionOfTheSpec(ProtocolVectors.FocusCase v) {
        Focus f = FocusRule.rackFocus(v.pressures(), v.cells()).orElseThrow();
        assertEquals(v.region(), f.region().name());
        Side side = Side.valueOf(v.side());
        assertEquals(RegionCatalog.regionOf(SpinalLevel.valueOf(v.level()), side).orElseThrow(), f.region());
        assertEquals(v.pressure(), f.pressure());
    }
}
