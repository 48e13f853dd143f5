/**
 * Guided sessions: a {@link dev.spinetrack.server.program.Program} unrolled into a
 * {@link dev.spinetrack.server.guided.plan.SessionPlan} of work, side-switch and rest blocks, run by
 * the {@link dev.spinetrack.server.guided.plan.GuidedSession} state machine on a time the caller
 * passes in (device or wall clock), advancing on time, on counted reps or on the user's word,
 * and recording each step's result; its {@link dev.spinetrack.server.guided.plan.GuideProgress}
 * is what a stored run resumes from.
 */
package dev.spinetrack.server.guided.plan;
