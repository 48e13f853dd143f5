package dev.spinetrack.server.storage;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/**
 * Redraws a device's automatic sessions where late samples showed that the data holds other
 * boundaries than arrival gave (PROTOCOL.md §7.6 item 5): moves a session's bounds, or removes
 * a session whose samples now belong to another one, handing its marks to that one.
 */
@Singleton
public class SessionRedraws {

    /** The device's session that starts last at or before {@code seq}. */
    public Optional<SessionRow> lastStartingAtOrBefore(Connection c, String device, long seq) throws SQLException {
        return Rows.first(c, "SELECT " + SessionStore.COLUMNS + " FROM sessions WHERE device_id = ? AND from_seq <= ? "
                + "ORDER BY from_seq DESC LIMIT 1", ps -> {
                    ps.setString(1, device);
                    ps.setLong(2, seq);
                }, SessionStore::session);
    }

    /** The device's sessions that start at or after {@code seq}, in seq order. */
    public List<SessionRow> startingFrom(Connection c, String device, long seq) throws SQLException {
        return Rows.list(c, "SELECT " + SessionStore.COLUMNS + " FROM sessions WHERE device_id = ? AND from_seq >= ? "
                + "ORDER BY from_seq", ps -> {
                    ps.setString(1, device);
                    ps.setLong(2, seq);
                }, SessionStore::session);
    }

    /**
     * Sets an automatic session's bounds.
     *
     * @param toSeq   its last seq, null to leave it open
     * @param endedAt device time it ended, null while open
     * @param reason  why it ended, null while open
     */
    public void reshape(Connection c, long id, long fromSeq, long startedAt, Long toSeq, Long endedAt, String reason)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET from_seq = ?, started_at = ?, to_seq = ?, "
                + "ended_at = ?, end_reason = ? WHERE id = ? AND auto_started = TRUE")) {
            ps.setLong(1, fromSeq);
            ps.setLong(2, startedAt);
            setNullable(ps, 3, toSeq);
            setNullable(ps, 4, endedAt);
            ps.setString(5, reason);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    /**
     * Removes an automatic session whose samples the data gives to another session, with its
     * rollups; its marks (tags and bands set during it) go to that session.
     */
    public void mergeInto(Connection c, long removed, long into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE session_marks SET session_id = ? WHERE session_id = ?")) {
            ps.setLong(1, into);
            ps.setLong(2, removed);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM region_rollups WHERE session_id = ?")) {
            ps.setLong(1, removed);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE id = ? AND auto_started = TRUE")) {
            ps.setLong(1, removed);
            ps.executeUpdate();
        }
    }

    private static void setNullable(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
