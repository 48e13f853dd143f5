package dev.spinetrack.server.storage;

import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs JDBC work in Micronaut Data transactions (joining one already open on this thread).
 */
@Singleton
public class Database {

    /** Database URL -> the instances in this process that use it. */
    private static final Map<String, Set<Database>> USERS = new ConcurrentHashMap<>();
    private final TransactionOperations<Connection> tx;
    private volatile String url;
    /** Whether {@link #url} names an embedded H2 only this process can open; set with it. */
    private volatile boolean embedded;

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
     * Whether this server instance is the only writer of its database: an embedded H2 (a file H2
     * locks for one process, or memory) without {@code AUTO_SERVER}, which no other instance in
     * this process uses (tests run two servers on one H2). Then what the instance holds in memory
     * is never overtaken by another, and row locks between instances guard nothing. Asked again
     * each time, since another instance may start using the database later.
     */
    public boolean soleWriter(Connection c) throws SQLException {
        String url = register(c);
        return embedded && USERS.getOrDefault(url, Set.of()).size() == 1;
    }

    static boolean embedded(String url) {
        if (url == null) {
            return false;
        }
        String u = url.toLowerCase(Locale.ROOT);
        return (u.startsWith("jdbc:h2:file:") || u.startsWith("jdbc:h2:mem:") || u.startsWith("jdbc:h2:./")
                || u.startsWith("jdbc:h2:~") || u.startsWith("jdbc:h2:/"))
                && !u.contains("auto_server=true");
    }

    /** Notes this instance as a user of the connection's database (once); returns its URL. */
    private String register(Connection c) throws SQLException {
        String u = url;
        if (u == null) {
            u = c.getMetaData().getURL();
            USERS.computeIfAbsent(u, k -> ConcurrentHashMap.newKeySet()).add(this);
            embedded = embedded(u); // asked for every device of every ingest group: read the URL once
            url = u;
        }
        return u;
    }

    /** This instance no longer uses its database. */
    @PreDestroy
    void close() {
        String u = url;
        if (u != null) {
            USERS.computeIfPresent(u, (k, users) -> {
                users.remove(this);
                return users.isEmpty() ? null : users;
            });
        }
    }

    private <R> R call(Work<R> work, Connection c) {
        try {
            register(c);
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("database error: " + e.getMessage(), e);
        }
    }
}
