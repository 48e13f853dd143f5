/**
 * Runtime of guided sessions inside the server: {@link dev.spinetrack.server.guided.run.GuidedSessions}
 * runs one {@link dev.spinetrack.server.guided.plan.LiveCoach} per device on its live frames (on its
 * own thread, never the ingest thread), applies the coach's tags and bands through the
 * session service and publishes {@code guide} events on the device's live stream;
 * {@link dev.spinetrack.server.guided.run.CoachStore} keeps finished runs and tenderness ratings.
 */
package dev.spinetrack.server.guided.run;
