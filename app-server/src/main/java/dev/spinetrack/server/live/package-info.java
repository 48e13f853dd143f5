/**
 * The live feed: per-device frames (focus region, pressures, tilt, band feedback) at up to
 * 20 Hz of device time, fanned out in-process to the WebSockets and to other modules
 * (guided programs) that subscribe.
 */
package dev.spinetrack.server.live;
