package dev.spinetrack.server.guided.plan;

/** Where a program step stands in a guided session. */
public enum StepStatus {
    /** Not reached yet. */
    PENDING,
    /** Being worked on. */
    ACTIVE,
    /** Every block done (on time, on reps or on the user's word). */
    COMPLETED,
    /** Skipped by the user, or left when the session was stopped. */
    SKIPPED
}
