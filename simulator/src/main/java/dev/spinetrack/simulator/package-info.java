/**
 * The SpineTrack simulator: virtual rack and ball peripherals that speak the GATT profile of
 * PROTOCOL.md byte for byte, driven by scenarios, with fault injection and ground truth.
 */
package dev.spinetrack.simulator;
