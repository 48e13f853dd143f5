package dev.spinetrack.server.security;

import dev.spinetrack.server.storage.Database;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Authors of uploaded programs. A program with an author is visible to and replaceable by that
 * author only; one without (bundled, or a file an operator placed) is read-only for everybody.
 */
@Singleton
public class ProgramOwners {

    private final Database db;

    public ProgramOwners(Database db) {
        this.db = db;
    }

    /** The author of a program, empty for bundled and operator programs. */
    public Optional<String> owner(String programId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT owner_id FROM program_owners WHERE program_id = ?")) {
                ps.setString(1, programId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Whether a user may see (and run) a program. */
    public boolean visible(String programId, String user) {
        return owner(programId).map(user::equals).orElse(true);
    }

    /** Records the author of a newly uploaded program (no effect when already theirs). */
    public void claim(String programId, String user) {
        db.write(c -> {
            if (owner(programId).isPresent()) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO program_owners (program_id, owner_id, created_at) VALUES (?, ?, ?)")) {
                ps.setString(1, programId);
                ps.setString(2, user);
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
