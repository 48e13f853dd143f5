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

    /** Stores each session's {@code regions} as its rollups; the changed rows of all go in one batch, the new in one. */
    static void save(Connection c, List<SessionStore.Tracking> all) throws SQLException {
        List<Row> changed = new ArrayList<>();
        List<Row> added = new ArrayList<>();
        for (SessionStore.Tracking t : all) {
            if (!diff(t, changed, added)) {
                // not known, or a region the tracker no longer reports (cannot happen in an open
                // session, but then the stored set is not what it looks like): write it whole
                replace(c, t.id(), t.regions());
            }
        }
        if (!changed.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE region_rollups SET " + COLUMNS + " WHERE session_id = ? AND region = ?")) {
                for (Row row : changed) {
                    int i = bindFigures(ps, 1, row.stats());
                    ps.setLong(i++, row.session());
                    ps.setString(i, row.stats().region().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        insert(c, added);
    }

    /** A region's rollup of a session. */
    private record Row(long session, RegionStats stats) {
    }

    /**
     * Adds the session's rows that differ from the stored ones to {@code changed} and the new
     * ones to {@code added}; false (adding nothing) when the stored rows are not known.
     */
    private static boolean diff(SessionStore.Tracking t, List<Row> changed, List<Row> added) {
        Map<Region, RegionStats> stored = t.stored();
        if (stored == null) {
            return false;
        }
        List<Row> mine = new ArrayList<>();
        List<Row> fresh = new ArrayList<>();
        for (RegionStats r : t.regions()) {
            RegionStats before = stored.get(r.region());
            if (before == null) {
                fresh.add(new Row(t.id(), r));
            } else if (!before.equals(r)) {
                mine.add(new Row(t.id(), r));
            }
        }
        if (t.regions().size() - fresh.size() != stored.size()) {
            return false;
        }
        changed.addAll(mine);
        added.addAll(fresh);
        return true;
    }

    private static void replace(Connection c, long session, List<RegionStats> regions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM region_rollups WHERE session_id = ?")) {
            ps.setLong(1, session);
            ps.executeUpdate();
        }
        List<Row> rows = new ArrayList<>(regions.size());
        for (RegionStats r : regions) {
            rows.add(new Row(session, r));
        }
        insert(c, rows);
    }

    private static void insert(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO region_rollups (session_id, region, dwell_ms, "
                + "samples, mean_pressure, peak_pressure, p95_pressure, in_band_ms, below_band_ms, above_band_ms, "
                + "gap_count, gap_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                ps.setLong(1, row.session());
                ps.setString(2, row.stats().region().name());
                bindFigures(ps, 3, row.stats());
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
