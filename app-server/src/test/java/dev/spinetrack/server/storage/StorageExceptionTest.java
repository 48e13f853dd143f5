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
        assertFalse(new StorageException("db", new SQLException("This connection has been closed.")).contention());
        assertFalse(StorageException.contention(new IllegalStateException("no cause")));
        assertFalse(StorageException.contention(null));
    }

    @Test
    void anOutageIsNoContention() {
        assertFalse(new StorageException("db", new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 30001ms", "08001")).contention());
        assertFalse(new StorageException("db", new SQLException("terminating connection due to administrator command",
                "57P01")).contention());
    }

    @Test
    void lockConflictsAreContentionWhereverTheyAreInTheCauseChain() {
        assertTrue(new StorageException("db", new SQLException("deadlock detected", "40P01")).contention());
        assertTrue(new StorageException("db", new SQLException("could not serialize access", "40001")).contention());
        assertTrue(new StorageException("db", new SQLException("canceling statement due to lock timeout", "55P03"))
                .contention());
        assertTrue(new StorageException("db", new SQLTransactionRollbackException("rolled back")).contention());
        assertTrue(StorageException.contention(new RuntimeException("wrapped",
                new StorageException("db", new SQLException("Timeout trying to lock table", "HYT00", 50200)))));
    }
}
