package dev.spinetrack.server.storage;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs JDBC work in Micronaut Data transactions (joining one already open on this thread).
 */
@Singleton
public class Database {

    private final TransactionOperations<Connection> tx;

    public Database(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    /** Runs work in a read-write transaction, committed when it returns. */
    public <R> R write(Work<R> work) {
        return tx.executeWrite(status -> call(work, status.getConnection()));
    }

    /** Runs work in a read-only transaction. */
    public <R> R read(Work<R> work) {
        return tx.executeRead(status -> call(work, status.getConnection()));
    }

    /**
     * Whether this process is the only one that can write to the database behind {@code c}: an
     * embedded H2 (a file H2 locks for one process, or memory) without {@code AUTO_SERVER}. Then
     * what this instance holds in memory is never overtaken by another instance, and row locks
     * between instances guard nothing.
     */
    public static boolean soleWriter(Connection c) throws SQLException {
        String url = c.getMetaData().getURL();
        if (url == null) {
            return false;
        }
        String u = url.toLowerCase(java.util.Locale.ROOT);
        return (u.startsWith("jdbc:h2:file:") || u.startsWith("jdbc:h2:mem:") || u.startsWith("jdbc:h2:./")
                || u.startsWith("jdbc:h2:~") || u.startsWith("jdbc:h2:/"))
                && !u.contains("auto_server=true");
    }

    private static <R> R call(Work<R> work, Connection c) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("database error: " + e.getMessage(), e);
        }
    }
}
