package dev.spinetrack.server.guided.plan;

/** What the user does during a block of a guided session. */
public enum BlockKind {
    /** Work: massage, decompress, or one set of reps. */
    WORK,
    /** Turn to work the other side of the back. */
    SWITCH_SIDE,
    /** Rest between rounds or sets. */
    REST
}
