package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.tracking.RegionStats;
import dev.spinetrack.server.engine.tracking.TrackTotals;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Saving only the regions whose figures changed leaves the same rows as replacing them all, on
 * the real schema (H2 with the Flyway migrations); the rows are read back with plain SQL.
 */
class RegionRollupRowsTest {

    private static final TrackTotals TOTALS = new TrackTotals(10, 0, 90, 50, 0, 0, 0);
    private Connection c;
    private final SessionStore store = new SessionStore();

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:h2:mem:rollups-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        c = DriverManager.getConnection(url, "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void changedAndNewRegionsAreWrittenAndUnchangedOnesKept() throws SQLException {
        RegionStats a1 = stats(Region.MID_THORACIC_LEFT, 100);
        RegionStats b1 = stats(Region.MID_THORACIC_RIGHT, 200);
        store.saveTracking(c, 7, TOTALS, List.of(a1, b1), null);
        RegionStats a2 = stats(Region.MID_THORACIC_LEFT, 150);
        RegionStats c2 = stats(Region.UPPER_THORACIC_LEFT, 40);
        store.saveTracking(c, 7, TOTALS, List.of(a2, b1, c2), stored(a1, b1));
        assertEquals(Map.of(Region.MID_THORACIC_LEFT, 150L, Region.MID_THORACIC_RIGHT, 200L,
                Region.UPPER_THORACIC_LEFT, 40L), dwellByRegion(7));
        assertEquals(List.of(b1, a2, c2).stream().sorted((x, y) -> x.region().compareTo(y.region())).toList(),
                store.rollups(c, 7), "every figure of every region, as given");
    }

    @Test
    void aStoredSetThatDoesNotMatchIsReplacedWhole() throws SQLException {
        RegionStats a1 = stats(Region.MID_THORACIC_LEFT, 100);
        RegionStats b1 = stats(Region.MID_THORACIC_RIGHT, 200);
        store.saveTracking(c, 8, TOTALS, List.of(a1, b1), null);
        // the caller believes only a1 is stored and b is gone from the tracker: rows must follow the tracker
        store.saveTracking(c, 8, TOTALS, List.of(stats(Region.MID_THORACIC_LEFT, 120)), stored(a1, b1));
        assertEquals(Map.of(Region.MID_THORACIC_LEFT, 120L), dwellByRegion(8));
    }

    @Test
    void otherSessionsAreUntouched() throws SQLException {
        store.saveTracking(c, 1, TOTALS, List.of(stats(Region.MID_THORACIC_LEFT, 5)), null);
        RegionStats a = stats(Region.MID_THORACIC_LEFT, 100);
        store.saveTracking(c, 2, TOTALS, List.of(a), null);
        store.saveTracking(c, 2, TOTALS, List.of(stats(Region.MID_THORACIC_LEFT, 300)), stored(a));
        assertEquals(Map.of(Region.MID_THORACIC_LEFT, 5L), dwellByRegion(1));
        assertEquals(Map.of(Region.MID_THORACIC_LEFT, 300L), dwellByRegion(2));
    }

    private static RegionStats stats(Region r, long dwell) {
        return new RegionStats(r, dwell, dwell / 10, 1.5 + dwell, 3.25, 3.0, dwell / 2, dwell / 4, dwell / 4, 1, 20);
    }

    private static Map<Region, RegionStats> stored(RegionStats... rows) {
        Map<Region, RegionStats> m = new EnumMap<>(Region.class);
        for (RegionStats r : rows) {
            m.put(r.region(), r);
        }
        return m;
    }

    private Map<Region, Long> dwellByRegion(long session) throws SQLException {
        Map<Region, Long> m = new EnumMap<>(Region.class);
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT region, dwell_ms FROM region_rollups WHERE session_id = " + session)) {
            while (rs.next()) {
                m.put(Region.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return m;
    }
}
