/**
 * The protocol's MQTT JSON payloads read into their records: a fast token reader for the plain
 * batch shape and a Jackson fallback, every failure a {@link
 * dev.spinetrack.server.payload.BadPayloadException} naming what was wrong. Used by ingest (live
 * messages) and by sessions (stored batches replayed on restore), so it sits below both.
 */
package dev.spinetrack.server.payload;
