/**
 * BLE central adapter over the simulator's in-process virtual peripherals, so simulated
 * devices go through exactly the same gateway pipeline as real ones.
 */
package dev.spinetrack.gateway.ble.sim;
