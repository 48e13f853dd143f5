package dev.spinetrack.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Users are just ids, created on first use. */
public final class UserStore {

    private UserStore() {
    }

    /** Creates the user if missing. */
    public static void ensure(Connection c, String id, long now) throws SQLException {
        if (createdAt(c, id).isPresent()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, created_at) VALUES (?, ?)")) {
            ps.setString(1, id);
            ps.setLong(2, now);
            ps.executeUpdate();
        }
    }

    /** When a user was first seen, if ever. */
    public static Optional<Long> createdAt(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT created_at FROM users WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
