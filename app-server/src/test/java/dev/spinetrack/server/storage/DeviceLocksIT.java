package dev.spinetrack.server.storage;

import dev.spinetrack.server.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An ingest group locks all its devices' rows with {@link DeviceStore#lockAll}, on the real
 * schema of the database the ITs run on (H2, or PostgreSQL with {@code spinetrack.it.jdbc}):
 * the rows that exist come back in id order, across statements when there are many, and stay
 * locked against another connection until the transaction ends.
 */
class DeviceLocksIT {

    private TestDatabase db;
    private Connection c;
    private Connection other;
    private final DeviceStore devices = new DeviceStore();

    @BeforeEach
    void open() throws SQLException {
        db = TestDatabase.create();
        Map<String, Object> p = db.properties();
        String url = (String) p.get("datasources.default.url");
        String user = (String) p.getOrDefault("datasources.default.username", "sa");
        String password = (String) p.getOrDefault("datasources.default.password", "");
        var flyway = Flyway.configure().dataSource(url, user, password);
        Object schema = p.get("flyway.datasources.default.default-schema");
        (schema == null ? flyway : flyway.schemas((String) schema).defaultSchema((String) schema)).load().migrate();
        c = db.connect();
        other = db.connect();
    }

    @AfterEach
    void close() throws SQLException {
        other.close();
        c.close();
        db.close();
    }

    @Test
    void lockAllReturnsTheExistingRowsInIdOrderAcrossStatements() throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = String.format("fe%010x", i);
            ids.add(id);
            if (i % 7 != 3) {
                devices.ensure(c, id, "gw", "u", 0);
                existing.add(id);
            }
        }
        c.setAutoCommit(false);
        List<String> locked = devices.lockAll(c, ids).stream().map(DeviceRow::id).toList();
        c.commit();
        assertEquals(existing, locked, "every existing device once, in id order; the missing left out");
        assertEquals(List.of(existing.get(0)), devices.lockAll(c, List.of(existing.get(0))).stream()
                .map(DeviceRow::id).toList(), "one device");
    }

    @Test
    void lockedRowsStayLockedAgainstAnotherConnectionUntilCommit() throws SQLException {
        for (String id : List.of("fe0000000001", "fe0000000002", "fe0000000003")) {
            devices.ensure(c, id, "gw", "u", 0);
        }
        c.setAutoCommit(false);
        assertEquals(2, devices.lockAll(c, List.of("fe0000000001", "fe0000000003")).size());
        other.setAutoCommit(false);
        try (Statement st = other.createStatement()) {
            st.execute(db.postgres() ? "SET lock_timeout = '300ms'" : "SET LOCK_TIMEOUT 300");
        }
        assertEquals(1, devices.lockAll(other, List.of("fe0000000002")).size(), "a row not locked is free");
        SQLException timeout = assertThrows(SQLException.class, () -> devices.lockAll(other, List.of("fe0000000003")),
                "a locked row waits for the other transaction");
        assertTrue(StorageException.contention(new StorageException("test", timeout)),
                "the database's lock timeout reads as contention: " + timeout.getSQLState() + " " + timeout.getMessage());
        other.rollback();
        c.commit();
        assertEquals(1, devices.lockAll(other, List.of("fe0000000003")).size(), "free after the commit");
        other.rollback();
    }

    @Test
    void aDeadlockBetweenTwoTransactionsReadsAsContentionAndADuplicateKeyDoesNot() throws Exception {
        devices.ensure(c, "fe0000000001", "gw", "u", 0);
        devices.ensure(c, "fe0000000002", "gw", "u", 0);
        SQLException duplicate = assertThrows(SQLException.class, () -> {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO devices (id, gateway, owner_id, created_at) VALUES ('fe0000000001', 'gw', 'u', 0)");
            }
        });
        assertFalse(StorageException.contention(new StorageException("test", duplicate)),
                "a unique violation is the work's own fault: " + duplicate.getSQLState());
        c.setAutoCommit(false);
        other.setAutoCommit(false);
        devices.lockAll(c, List.of("fe0000000001"));
        devices.lockAll(other, List.of("fe0000000002"));
        // each now waits for the row the other holds; the database breaks the cycle by failing one
        CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() -> failureOf(c, "fe0000000002"));
        Throwable second = failureOf(other, "fe0000000001");
        Throwable firstFailure = first.get(60, TimeUnit.SECONDS);
        Throwable failure = second != null ? second : firstFailure;
        assertNotNull(failure, "one of the two transactions failed");
        assertTrue(StorageException.contention(new StorageException("test", failure)),
                "a deadlock (or the lock wait it ends in) reads as contention: " + failure);
        c.rollback();
        other.rollback();
    }

    /** Locks the row; when that fails, ends the transaction at once, so its locks let the other one through. */
    private Throwable failureOf(Connection conn, String id) {
        try {
            devices.lockAll(conn, List.of(id));
            return null;
        } catch (SQLException e) {
            try {
                conn.rollback();
            } catch (SQLException ignored) {
                // the failure is what the test looks at
            }
            return e;
        }
    }
}
