package dev.spinetrack.server.storage;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures are contention. The real databases' own lock timeouts and deadlocks are checked
 * in {@code DeviceLocksIT}; these are the shapes a driver or pool may give besides.
 */
class StorageExceptionTest {

    @Test
    void aFailureWithoutSqlStateIsNoContentionAndDoesNotThrow() {
        // PostgreSQL's driver and HikariCP give a null SQL state when the database is gone
        assertFalse(contention(new SQLException("This connection has been closed.")));
        assertFalse(StorageException.contention(new IllegalStateException("no cause")));
        assertFalse(StorageException.contention(null));
    }

    @Test
    void anOutageIsNoContention() {
        assertFalse(contention(new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 30001ms", "08001")));
        assertFalse(contention(new SQLException("terminating connection due to administrator command", "57P01")));
    }

    @Test
    void lockConflictsAreContentionWhereverTheyAreInTheCauseChain() {
        assertTrue(contention(new SQLException("deadlock detected", "40P01")));
        assertTrue(contention(new SQLException("could not serialize access", "40001")));
        assertTrue(contention(new SQLException("canceling statement due to lock timeout", "55P03")));
        assertTrue(contention(new SQLException("Concurrent update to table (H2)", "90131", 90131)));
        assertTrue(contention(new SQLTransactionRollbackException("rolled back")));
        assertTrue(StorageException.contention(new RuntimeException("wrapped",
                new StorageException("db", new SQLException("Timeout trying to lock table", "HYT00", 50200)))));
    }

    /** As ingest meets it: the driver's exception inside the {@link StorageException} Database throws. */
    private static boolean contention(SQLException cause) {
        return StorageException.contention(new StorageException("db", cause));
    }
}
