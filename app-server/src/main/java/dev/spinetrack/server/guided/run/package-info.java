/**
 * Runtime of guided sessions inside the server. {@link dev.spinetrack.server.guided.run.GuidedSessions}
 * is the API's entry (start, follow, next, skip, stop, log, rate); {@link dev.spinetrack.server.guided.run.GuideRuntime}
 * coaches the runs this instance holds a lease on, one {@link dev.spinetrack.server.guided.plan.LiveCoach}
 * per run, fed every tracked sample of its device in device time on its own thread (never the
 * ingest thread); {@link dev.spinetrack.server.guided.run.GuideRunStore} stores each run on every
 * change so any instance sharing the database resumes it ({@link dev.spinetrack.server.guided.run.GuideResumer});
 * {@link dev.spinetrack.server.guided.run.CoachStore} keeps tenderness ratings.
 */
package dev.spinetrack.server.guided.run;
