package dev.spinetrack.server.storage;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Set;

/** A database operation failed; the message says which. */
public class StorageException extends RuntimeException {

    /**
     * SQL states of a transaction that lost to another over locks: serialization failure and
     * deadlock (class 40), PostgreSQL's lock_not_available (55P03) and H2's lock timeout (HYT00,
     * error 50200, which H2 raises after 2 s of waiting for a row another transaction holds).
     */
    private static final Set<String> CONTENTION_STATES = Set.of("40001", "40P01", "55P03", "HYT00");
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_DEADLOCK = 40001;
    /** H2's "another transaction has updated or deleted the same row": a serialization conflict. */
    private static final int H2_CONCURRENT_UPDATE = 90131;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether this failure is contention with another transaction (a lock wait that timed out, a
     * deadlock, a serialization failure) rather than anything wrong with the work or the
     * database: the same work succeeds once the other transaction is done, so it is retried
     * however often it happens, never given up as unstorable.
     */
    public boolean contention() {
        return contention(this);
    }

    /** {@link #contention()} for any exception: whether a {@link StorageException} in its cause chain is contention. */
    public static boolean contention(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransactionRollbackException) {
                return true;
            }
            // a driver may give no SQL state at all (null), which Set.of(...).contains refuses
            if (t instanceof SQLException s && (s.getSQLState() != null && CONTENTION_STATES.contains(s.getSQLState())
                    || isH2(s) && (s.getErrorCode() == H2_LOCK_TIMEOUT || s.getErrorCode() == H2_DEADLOCK
                    || s.getErrorCode() == H2_CONCURRENT_UPDATE))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isH2(SQLException s) {
        return s.getClass().getName().startsWith("org.h2.");
    }
}
