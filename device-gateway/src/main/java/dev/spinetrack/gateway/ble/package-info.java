/**
 * The BLE central port: what the gateway needs from a Bluetooth stack (scan, connect,
 * discover, read, write, subscribe, disconnect events), with adapters for TinyB/BlueZ
 * ({@code ble.tinyb}) and for the simulator's virtual peripherals ({@code ble.sim}).
 */
package dev.spinetrack.gateway.ble;
