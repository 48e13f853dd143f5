package dev.spinetrack.server.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for registered gateways (V31). */
final class GatewayStore {

    private GatewayStore() {
    }

    /** Owner and secret digest of a gateway whose owner's account is enabled. */
    static Optional<String[]> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT g.owner_id, g.secret_hash FROM gateways g "
                + "JOIN users u ON u.id = g.owner_id WHERE g.id = ? AND u.disabled = FALSE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[]{rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM gateways WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void insert(Connection c, String id, String owner, String secretHash, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO gateways (id, owner_id, secret_hash, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, owner);
            ps.setString(3, secretHash);
            ps.setLong(4, now);
            ps.executeUpdate();
        }
    }

    static boolean updateSecret(Connection c, String id, String owner, String secretHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE gateways SET secret_hash = ? WHERE id = ? AND owner_id = ?")) {
            ps.setString(1, secretHash);
            ps.setString(2, id);
            ps.setString(3, owner);
            return ps.executeUpdate() == 1;
        }
    }

    static boolean delete(Connection c, String id, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM gateways WHERE id = ? AND owner_id = ?")) {
            ps.setString(1, id);
            ps.setString(2, owner);
            return ps.executeUpdate() == 1;
        }
    }

    static List<Gateway> ofOwner(Connection c, String owner) throws SQLException {
        List<Gateway> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, created_at FROM gateways WHERE owner_id = ? ORDER BY id")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Gateway(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        return out;
    }
}
