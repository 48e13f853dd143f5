package dev.spinetrack.server.guided.plan;

/** Life of a guided session. */
public enum SessionState {
    /** Created, not started. */
    READY,
    /** Running a block. */
    RUNNING,
    /** Every block done or the user stopped it. */
    FINISHED
}
