package dev.spinetrack.server.guided.plan;

/**
 * Which samples a guided run's coach takes: each sample once, in seq order, from the first one
 * after the start request on, and only while it belongs to the run's server session (a sample
 * of another session, or of none, means that session ended under the run, which ends the run).
 * A hole between the last sample coached and one handed over live is filled from storage first.
 */
public final class RunCursor {

    private RunCursor() {
    }

    /** What the coach does with a sample handed over live. */
    public enum Step {
        /** Seen already, or from before the start request. */
        SKIP,
        /** Samples are missing before it: read them back from storage, then take it if still due. */
        FILL_HOLE,
        /** The next sample: coach it. */
        TAKE
    }

    /**
     * The step for a sample.
     *
     * @param coachedSeq last seq coached ({@code fromSeq - 1} before the first)
     * @param fromSeq    first seq the run may take
     */
    public static Step next(long seq, long coachedSeq, long fromSeq) {
        if (seq <= coachedSeq || seq < fromSeq) {
            return Step.SKIP;
        }
        return seq > coachedSeq + 1 ? Step.FILL_HOLE : Step.TAKE;
    }

    /** Whether a sample of {@code sampleSession} (null: outside any session) may be coached by the run of {@code runSession}. */
    public static boolean belongs(Long sampleSession, long runSession) {
        return sampleSession != null && sampleSession == runSession;
    }

    /** The seq after which reading back from storage starts: the cursor, never before the run's start. */
    public static long readFrom(long coachedSeq, long fromSeq) {
        return Math.max(coachedSeq, fromSeq - 1);
    }

    /**
     * The last seq of one read back from storage: at most {@code chunk} samples after {@code from},
     * never past {@code toSeq} ({@link Long#MAX_VALUE}: as far as storage goes).
     */
    public static long readTo(long from, long toSeq, int chunk) {
        return toSeq == Long.MAX_VALUE ? from + chunk : Math.min(toSeq, from + chunk);
    }
}
