package dev.spinetrack.server.storage;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Set;

/** A database operation failed; the message says which. */
public class StorageException extends RuntimeException {

    /**
     * SQL states of a transaction that lost to another over locks: serialization failure and
     * deadlock (class 40; H2's deadlock is 40001 too), PostgreSQL's lock_not_available (55P03),
     * H2's lock timeout (HYT00, its error 50200, raised after 2 s of waiting for a row another
     * transaction holds) and H2's concurrent update (90131: another transaction has updated or
     * deleted the same row).
     */
    private static final Set<String> CONTENTION_STATES = Set.of("40001", "40P01", "55P03", "HYT00", "90131");

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether a failure is contention with another transaction (a lock wait that timed out, a
     * deadlock, a serialization failure) rather than anything wrong with the work or the
     * database: the same work succeeds once the other transaction is done, so it is retried
     * however often it happens, never given up as unstorable. Looks through the cause chain.
     */
    public static boolean contention(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransactionRollbackException) {
                return true;
            }
            // a driver may give no SQL state at all (null), which Set.of(...).contains refuses
            if (t instanceof SQLException s && s.getSQLState() != null && CONTENTION_STATES.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
