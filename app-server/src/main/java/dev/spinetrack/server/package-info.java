/**
 * The SpineTrack app server: MQTT ingest, per-region tracking, sessions, storage, REST and
 * live WebSocket API, embedded broker and demo mode. Sub-packages: {@code broker} (embedded
 * HiveMQ), {@code ingest} (MQTT consumer), {@code tracking} (pure dwell and pressure logic),
 * {@code session} (session lifecycle and the device engine), {@code store} (JDBC storage),
 * {@code api} (REST), {@code live} (live feed and WebSocket), {@code demo} (demo wiring).
 */
package dev.spinetrack.server;
