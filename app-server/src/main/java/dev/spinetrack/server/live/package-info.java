/**
 * The live feed: per-device frames (focus region, pressures, tilt, band feedback) at up to
 * 20 Hz of device time, fanned out in-process to subscribers (the WebSockets in {@code http},
 * guided programs). It knows no subscriber, so sessions publish here without a cycle.
 */
package dev.spinetrack.server.live;
