package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.tracking.RegionStats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a session's per-region rollups. An open session's figures are stored after every
 * ingest group, yet in one group a rack usually moves the figures of one or two regions: so the
 * caller may pass the rows it stored last (in a committed transaction), and only regions whose
 * figures changed are written, instead of deleting and inserting every region each time.
 */
final class RegionRollupRows {

    private static final String COLUMNS = "dwell_ms = ?, samples = ?, mean_pressure = ?, peak_pressure = ?, "
            + "p95_pressure = ?, in_band_ms = ?, below_band_ms = ?, above_band_ms = ?, gap_count = ?, gap_ms = ?";

    private RegionRollupRows() {
    }

    /**
     * Stores {@code regions} as the session's rollups.
     *
     * @param stored the rows as they are stored now, or null when not known (then all are replaced)
     */
    static void save(Connection c, long session, List<RegionStats> regions, Map<Region, RegionStats> stored)
            throws SQLException {
        if (stored == null) {
            replace(c, session, regions);
            return;
        }
        List<RegionStats> changed = new ArrayList<>();
        List<RegionStats> added = new ArrayList<>();
        for (RegionStats r : regions) {
            RegionStats before = stored.get(r.region());
            if (before == null) {
                added.add(r);
            } else if (!before.equals(r)) {
                changed.add(r);
            }
        }
        if (regions.size() - added.size() != stored.size()) {
            // a region the tracker no longer reports: cannot happen in an open session, but then
            // the stored set is not what it looks like, so write it whole
            replace(c, session, regions);
            return;
        }
        if (!changed.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE region_rollups SET " + COLUMNS + " WHERE session_id = ? AND region = ?")) {
                for (RegionStats r : changed) {
                    int i = bindFigures(ps, 1, r);
                    ps.setLong(i++, session);
                    ps.setString(i, r.region().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        insert(c, session, added);
    }

    private static void replace(Connection c, long session, List<RegionStats> regions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM region_rollups WHERE session_id = ?")) {
            ps.setLong(1, session);
            ps.executeUpdate();
        }
        insert(c, session, regions);
    }

    private static void insert(Connection c, long session, List<RegionStats> regions) throws SQLException {
        if (regions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO region_rollups (session_id, region, dwell_ms, "
                + "samples, mean_pressure, peak_pressure, p95_pressure, in_band_ms, below_band_ms, above_band_ms, "
                + "gap_count, gap_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RegionStats r : regions) {
                ps.setLong(1, session);
                ps.setString(2, r.region().name());
                bindFigures(ps, 3, r);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int bindFigures(PreparedStatement ps, int from, RegionStats r) throws SQLException {
        int i = from;
        ps.setLong(i++, r.dwellMs());
        ps.setLong(i++, r.samples());
        ps.setDouble(i++, r.meanPressure());
        ps.setDouble(i++, r.peakPressure());
        ps.setDouble(i++, r.p95Pressure());
        ps.setLong(i++, r.inBandMs());
        ps.setLong(i++, r.belowBandMs());
        ps.setLong(i++, r.aboveBandMs());
        ps.setLong(i++, r.gapCount());
        ps.setLong(i++, r.gapMs());
        return i;
    }
}
