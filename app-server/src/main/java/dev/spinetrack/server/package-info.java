/**
 * The SpineTrack app server, in layers (outer may use inner, never the reverse):
 * {@code engine.*} (pure tracking, feedback cues and tenderness, no framework),
 * {@code program} (guided program files), {@code guided.plan} (the pure guided-session state
 * machine), {@code guided.run} (its runtime inside the server), {@code session} (session
 * lifecycle and the device engine wiring), {@code storage} (JDBC), {@code ingest} (MQTT
 * consumer), {@code broker} (embedded HiveMQ and the client connection), {@code live} (live
 * events and WebSocket), {@code http} (REST API and dashboard) and {@code demo} (demo wiring).
 */
package dev.spinetrack.server;
