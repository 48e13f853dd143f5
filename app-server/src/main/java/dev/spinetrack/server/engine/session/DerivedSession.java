package dev.spinetrack.server.engine.session;

/**
 * An automatic session as a device's data gives it ({@link AutoSessions#derive}).
 *
 * @param fromSeq   seq of the contact that opens it
 * @param startedAt its device time
 * @param toSeq     the last seq it holds, null while it is open
 * @param endedAt   device time it ended at, null while open
 * @param endReason {@code idle} or {@code silent}, null while open
 */
public record DerivedSession(long fromSeq, long startedAt, Long toSeq, Long endedAt, String endReason) {

    /** Whether the data leaves it open. */
    public boolean open() {
        return toSeq == null;
    }

    /** Whether it holds a seq between {@code from} and {@code to}. */
    public boolean overlaps(long from, Long to) {
        return (to == null || fromSeq <= to) && (toSeq == null || toSeq >= from);
    }
}
