package dev.spinetrack.server.security;

import dev.spinetrack.server.storage.Rows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/** SQL for accounts, login sessions, API tokens and access grants (tables of V30). */
final class AccountStore {

    private AccountStore() {
    }

    static Optional<Account> find(Connection c, String id) throws SQLException {
        return Rows.first(c, "SELECT id, role, password_hash, disabled, created_at FROM users WHERE id = ?",
                ps -> ps.setString(1, id), AccountStore::account);
    }

    static List<Account> all(Connection c) throws SQLException {
        return Rows.list(c, "SELECT id, role, password_hash, disabled, created_at FROM users "
                + "WHERE password_hash IS NOT NULL ORDER BY id", ps -> { }, AccountStore::account);
    }

    static int countWithPassword(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users WHERE password_hash IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Creates the account, or sets password and role of a user row that exists without a password. */
    static void upsert(Connection c, String id, Role role, String hash, long now) throws SQLException {
        int n;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE users SET password_hash = ?, role = ?, disabled = FALSE WHERE id = ?")) {
            ps.setString(1, hash);
            ps.setString(2, role.name());
            ps.setString(3, id);
            n = ps.executeUpdate();
        }
        if (n == 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (id, created_at, password_hash, role, disabled) VALUES (?, ?, ?, ?, FALSE)")) {
                ps.setString(1, id);
                ps.setLong(2, now);
                ps.setString(3, hash);
                ps.setString(4, role.name());
                ps.executeUpdate();
            }
        }
    }

    static boolean setDisabled(Connection c, String id, boolean disabled) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET disabled = ? WHERE id = ?")) {
            ps.setBoolean(1, disabled);
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
                rs.getLong(5));
    }

    // --- login sessions ------------------------------------------------------------------

    static void insertSession(Connection c, String tokenHash, String user, String csrf, long now, long expires)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO login_sessions "
                + "(token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, tokenHash);
            ps.setString(2, user);
            ps.setString(3, csrf);
            ps.setLong(4, now);
            ps.setLong(5, expires);
            ps.executeUpdate();
        }
    }

    /** The user and CSRF token of a live session. */
    static Optional<String[]> session(Connection c, String tokenHash, long now) throws SQLException {
        return Rows.first(c, "SELECT user_id, csrf_token FROM login_sessions WHERE token_hash = ? AND expires_at > ?",
                ps -> {
                    ps.setString(1, tokenHash);
                    ps.setLong(2, now);
                }, rs -> new String[]{rs.getString(1), rs.getString(2)});
    }

    static void deleteSession(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_sessions WHERE token_hash = ?")) {
            ps.setString(1, tokenHash);
            ps.executeUpdate();
        }
    }

    static void deleteSessionsOf(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_sessions WHERE user_id = ?")) {
            ps.setString(1, user);
            ps.executeUpdate();
        }
    }

    static void deleteExpiredSessions(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_sessions WHERE expires_at <= ?")) {
            ps.setLong(1, now);
            ps.executeUpdate();
        }
    }

    // --- API tokens ----------------------------------------------------------------------

    static long insertToken(Connection c, String user, String name, String tokenHash, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, user);
            ps.setString(2, name);
            ps.setString(3, tokenHash);
            ps.setLong(4, now);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The user of a token, marking it used. */
    static Optional<String> tokenUser(Connection c, String tokenHash, long now) throws SQLException {
        Optional<String> user = Rows.first(c, "SELECT user_id FROM api_tokens WHERE token_hash = ?",
                ps -> ps.setString(1, tokenHash), rs -> rs.getString(1));
        if (user.isEmpty()) {
            return user;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET last_used = ? WHERE token_hash = ?")) {
            ps.setLong(1, now);
            ps.setString(2, tokenHash);
            ps.executeUpdate();
        }
        return user;
    }

    static List<ApiToken> tokensOf(Connection c, String user) throws SQLException {
        return Rows.list(c, "SELECT id, name, created_at, last_used FROM api_tokens WHERE user_id = ? ORDER BY id",
                ps -> ps.setString(1, user),
                rs -> new ApiToken(rs.getLong(1), rs.getString(2), rs.getLong(3), Rows.nullableLong(rs, 4)));
    }

    /** Deletes one of the user's tokens; false when the user has no such token. */
    static boolean deleteToken(Connection c, String user, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM api_tokens WHERE id = ? AND user_id = ?")) {
            ps.setLong(1, id);
            ps.setString(2, user);
            return ps.executeUpdate() == 1;
        }
    }

    // --- access grants -------------------------------------------------------------------

    static void grant(Connection c, String client, String coach, long now) throws SQLException {
        if (granted(c, client, coach)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO access_grants (client_id, coach_id, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, client);
            ps.setString(2, coach);
            ps.setLong(3, now);
            ps.executeUpdate();
        }
    }

    static boolean revoke(Connection c, String client, String coach) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM access_grants WHERE client_id = ? AND coach_id = ?")) {
            ps.setString(1, client);
            ps.setString(2, coach);
            return ps.executeUpdate() == 1;
        }
    }

    static boolean granted(Connection c, String client, String coach) throws SQLException {
        return Rows.first(c, "SELECT 1 FROM access_grants WHERE client_id = ? AND coach_id = ?", ps -> {
            ps.setString(1, client);
            ps.setString(2, coach);
        }, rs -> Boolean.TRUE).isPresent();
    }

    /** Grants given by a client (coach ids) or held by a coach (client ids). */
    static List<String> grants(Connection c, String user, boolean asClient) throws SQLException {
        String sql = asClient ? "SELECT coach_id FROM access_grants WHERE client_id = ? ORDER BY coach_id"
                : "SELECT client_id FROM access_grants WHERE coach_id = ? ORDER BY client_id";
        return Rows.list(c, sql, ps -> ps.setString(1, user), rs -> rs.getString(1));
    }
}
