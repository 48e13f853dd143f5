/**
 * GATT-level face of virtual peripherals: what a BLE central sees of a device (advertising,
 * connection, characteristic read / write / subscribe). Shaped after GATT, not after any
 * central, so the gateway adapts to it and the same peripherals can later be exported on a
 * simulated BlueZ.
 */
package dev.spinetrack.simulator.gatt;
