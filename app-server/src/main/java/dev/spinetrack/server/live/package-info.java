/**
 * The live feed: per-device frames (focus region, pressures, tilt, band feedback) at up to
 * 20 Hz of device time, fanned out in-process to subscribers (the WebSockets in {@code http},
 * guided programs). It knows no subscriber, so sessions publish here without a cycle. What an
 * ingest transaction publishes is handed after its commit to the feed's delivery thread, never
 * sent on the ingest worker; each stream sends through a {@link dev.spinetrack.server.live.LiveOutbox}
 * that bounds what a slow client holds.
 */
package dev.spinetrack.server.live;
