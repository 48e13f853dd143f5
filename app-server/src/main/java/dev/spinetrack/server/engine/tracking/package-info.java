/**
 * Pure region tracking: the DESIGN.md definitions of contact, focus region and dwell applied to
 * a device's samples in device order, with per-region pressure statistics and band time.
 * No I/O: the session engine feeds these classes and stores what they report.
 */
package dev.spinetrack.server.engine.tracking;
