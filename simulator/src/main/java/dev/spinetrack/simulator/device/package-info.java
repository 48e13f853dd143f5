/**
 * The virtual rack and ball: capability records, the pure signal model (scripted step +
 * seed -> readings), the device clock and battery, and {@link dev.spinetrack.simulator.device.VirtualDevice},
 * which speaks the GATT profile over a {@link dev.spinetrack.simulator.gatt.GattLink}.
 */
package dev.spinetrack.simulator.device;
