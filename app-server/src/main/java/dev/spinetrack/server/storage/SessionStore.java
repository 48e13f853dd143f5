package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.tracking.RegionStats;
import dev.spinetrack.server.engine.tracking.TrackTotals;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions, their marks and their per-region rollups. */
@Singleton
public class SessionStore {

    static final String COLUMNS = "id, device_id, user_id, auto_started, from_seq, to_seq, started_at, "
            + "ended_at, end_reason, band_low, band_high, samples, first_t, last_t, contact_ms, gap_count, gap_ms, "
            + "untagged_ms";

    /** Opens a session. */
    public SessionRow create(Connection c, String device, String user, boolean auto, long fromSeq, long startedAt,
                             double bandLow, double bandHigh) throws SQLException {
        UserStore.ensure(c, user, startedAt);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (device_id, user_id, auto_started, "
                + "from_seq, started_at, band_low, band_high) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, device);
            ps.setString(2, user);
            ps.setBoolean(3, auto);
            ps.setLong(4, fromSeq);
            ps.setLong(5, startedAt);
            ps.setDouble(6, bandLow);
            ps.setDouble(7, bandHigh);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return find(c, keys.getLong(1)).orElseThrow();
            }
        }
    }

    /** Closes a session at a seq. */
    public void close(Connection c, long id, long toSeq, long endedAt, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sessions SET to_seq = ?, ended_at = ?, end_reason = ? WHERE id = ? AND to_seq IS NULL")) {
            ps.setLong(1, toSeq);
            ps.setLong(2, endedAt);
            ps.setString(3, reason);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /**
     * Opens again a session that was closed for silence, when later data shows the device was only
     * delayed (PROTOCOL.md §7.6: sessions are a function of the data, not of its arrival).
     */
    public void reopen(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET to_seq = NULL, ended_at = NULL, "
                + "end_reason = NULL WHERE id = ? AND end_reason = 'silent'")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** The device's first session that starts after {@code seq}. */
    public Optional<SessionRow> firstAfter(Connection c, String device, long seq) throws SQLException {
        return Rows.first(c, "SELECT " + COLUMNS + " FROM sessions WHERE device_id = ? AND from_seq > ? "
                + "ORDER BY from_seq LIMIT 1", ps -> {
                    ps.setString(1, device);
                    ps.setLong(2, seq);
                }, SessionStore::session);
    }

    /**
     * Moves an automatic session's start back to an earlier sample: a late batch held the contact
     * that opens it in an undisturbed run.
     */
    public void moveStart(Connection c, long id, long fromSeq, long startedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET from_seq = ?, started_at = ? WHERE id = ? "
                + "AND auto_started = TRUE AND from_seq > ?")) {
            ps.setLong(1, fromSeq);
            ps.setLong(2, startedAt);
            ps.setLong(3, id);
            ps.setLong(4, fromSeq);
            ps.executeUpdate();
        }
    }

    /** The device's most recent session, open or closed. */
    public Optional<SessionRow> latest(Connection c, String device) throws SQLException {
        return Rows.first(c, "SELECT " + COLUMNS + " FROM sessions WHERE device_id = ? ORDER BY id DESC LIMIT 1",
                ps -> ps.setString(1, device), SessionStore::session);
    }

    public Optional<SessionRow> find(Connection c, long id) throws SQLException {
        return Rows.first(c, "SELECT " + COLUMNS + " FROM sessions WHERE id = ?", ps -> ps.setLong(1, id),
                SessionStore::session);
    }

    public Optional<SessionRow> findOpen(Connection c, String device) throws SQLException {
        return Rows.first(c, "SELECT " + COLUMNS + " FROM sessions WHERE device_id = ? AND to_seq IS NULL "
                + "ORDER BY id DESC", ps -> ps.setString(1, device), SessionStore::session);
    }

    /** Sessions of a device that hold a seq between {@code fromSeq} and {@code toSeq}. */
    public List<SessionRow> overlapping(Connection c, String device, long fromSeq, long toSeq) throws SQLException {
        return Rows.list(c, "SELECT " + COLUMNS + " FROM sessions WHERE device_id = ? AND from_seq <= ? "
                + "AND (to_seq IS NULL OR to_seq >= ?) ORDER BY from_seq", ps -> {
                    ps.setString(1, device);
                    ps.setLong(2, toSeq);
                    ps.setLong(3, fromSeq);
                }, SessionStore::session);
    }

    /** A user's sessions, newest first, optionally of one device. */
    public List<SessionRow> ofUser(Connection c, String user, String device, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM sessions WHERE user_id = ?"
                + (device == null ? "" : " AND device_id = ?") + " ORDER BY started_at DESC, id DESC";
        List<SessionRow> rows = Rows.list(c, sql, ps -> {
            ps.setString(1, user);
            if (device != null) {
                ps.setString(2, device);
            }
            ps.setMaxRows(limit);
        }, SessionStore::session);
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    /** Replaces a session's totals and per-region rollups with freshly tracked ones. */
    public void saveTracking(Connection c, long id, TrackTotals totals, List<RegionStats> regions)
            throws SQLException {
        saveTracking(c, id, totals, regions, null);
    }

    /**
     * Stores a session's totals and per-region rollups, writing only the regions whose figures
     * differ from {@code stored}.
     *
     * @param stored the rollups as this session's last committed save left them, or null when not
     *               known (all are replaced)
     */
    public void saveTracking(Connection c, long id, TrackTotals totals, List<RegionStats> regions,
                             Map<Region, RegionStats> stored) throws SQLException {
        saveTracking(c, List.of(new Tracking(id, totals, regions, stored)));
    }

    /**
     * One session's figures to store.
     *
     * @param stored the rollups as the session's last committed save left them, or null when not
     *               known (all are replaced)
     */
    public record Tracking(long id, TrackTotals totals, List<RegionStats> regions, Map<Region, RegionStats> stored) {
    }

    /**
     * Stores several sessions' totals and rollups as {@link #saveTracking(Connection, long,
     * TrackTotals, List, Map)} does, each kind of statement sent as one JDBC batch for all of
     * them: an ingest group stores the figures of every device it moved, and on PostgreSQL each
     * statement sent alone is a round trip.
     */
    public void saveTracking(Connection c, List<Tracking> all) throws SQLException {
        if (all.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET samples = ?, first_t = ?, last_t = ?, "
                + "contact_ms = ?, gap_count = ?, gap_ms = ?, untagged_ms = ? WHERE id = ?")) {
            for (Tracking t : all) {
                TrackTotals totals = t.totals();
                ps.setLong(1, totals.samples());
                if (totals.samples() == 0) {
                    ps.setNull(2, Types.BIGINT);
                    ps.setNull(3, Types.BIGINT);
                } else {
                    ps.setLong(2, totals.firstT());
                    ps.setLong(3, totals.lastT());
                }
                ps.setLong(4, totals.contactMs());
                ps.setLong(5, totals.gapCount());
                ps.setLong(6, totals.gapMs());
                ps.setLong(7, totals.untaggedMs());
                ps.setLong(8, t.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        RegionRollupRows.save(c, all);
    }

    /** A session's per-region statistics, in catalog order. */
    public List<RegionStats> rollups(Connection c, long id) throws SQLException {
        List<RegionStats> out = new ArrayList<>(Rows.list(c, "SELECT " + ROLLUP_COLUMNS
                + " FROM region_rollups r WHERE session_id = ?", ps -> ps.setLong(1, id), rs -> stats(rs, 1)));
        out.sort((a, b) -> a.region().compareTo(b.region()));
        return out;
    }

    private static final String ROLLUP_COLUMNS = "r.region, r.dwell_ms, r.samples, r.mean_pressure, r.peak_pressure, "
            + "r.p95_pressure, r.in_band_ms, r.below_band_ms, r.above_band_ms, r.gap_count, r.gap_ms";

    /** A region's statistics in each of a user's sessions, oldest first. */
    public List<RegionHistoryRow> regionHistory(Connection c, String user, Region region, String device)
            throws SQLException {
        String sql = "SELECT s.id, s.device_id, s.started_at, " + ROLLUP_COLUMNS + " FROM region_rollups r "
                + "JOIN sessions s ON s.id = r.session_id WHERE s.user_id = ? AND r.region = ?"
                + (device == null ? "" : " AND s.device_id = ?") + " ORDER BY s.started_at, s.id";
        return Rows.list(c, sql, ps -> {
            ps.setString(1, user);
            ps.setString(2, region.name());
            if (device != null) {
                ps.setString(3, device);
            }
        }, rs -> new RegionHistoryRow(rs.getLong(1), rs.getString(2), rs.getLong(3), stats(rs, 4)));
    }

    private static RegionStats stats(ResultSet rs, int i) throws SQLException {
        return new RegionStats(Region.valueOf(rs.getString(i)), rs.getLong(i + 1), rs.getLong(i + 2),
                rs.getDouble(i + 3), rs.getDouble(i + 4), rs.getDouble(i + 5), rs.getLong(i + 6), rs.getLong(i + 7),
                rs.getLong(i + 8), rs.getLong(i + 9), rs.getLong(i + 10));
    }

    public void addMark(Connection c, long sessionId, SessionMark m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_marks (session_id, at_ms, kind, region, "
                + "band_low, band_high) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, sessionId);
            ps.setLong(2, m.atMs());
            ps.setString(3, m.kind().name());
            ps.setString(4, m.region() == null ? null : m.region().name());
            ps.setDouble(5, m.bandLow());
            ps.setDouble(6, m.bandHigh());
            ps.executeUpdate();
        }
    }

    /** A session's marks in the order they were set. */
    public List<SessionMark> marks(Connection c, long sessionId) throws SQLException {
        return Rows.list(c, "SELECT at_ms, kind, region, band_low, band_high FROM session_marks WHERE session_id = ? "
                + "ORDER BY id", ps -> ps.setLong(1, sessionId), rs -> {
                    String region = rs.getString(3);
                    return new SessionMark(rs.getLong(1), SessionMark.Kind.valueOf(rs.getString(2)),
                            region == null ? null : Region.valueOf(region), rs.getDouble(4), rs.getDouble(5));
                });
    }

    static SessionRow session(ResultSet rs) throws SQLException {
        return new SessionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5),
                Rows.nullableLong(rs, 6), rs.getLong(7), Rows.nullableLong(rs, 8), rs.getString(9), rs.getDouble(10),
                rs.getDouble(11), rs.getLong(12), Rows.nullableLong(rs, 13), Rows.nullableLong(rs, 14), rs.getLong(15),
                rs.getLong(16), rs.getLong(17), rs.getLong(18));
    }
}
