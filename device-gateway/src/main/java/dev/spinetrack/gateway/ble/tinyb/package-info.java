/**
 * BLE central adapter over TinyB ({@code tinyb.*}, BlueZ through D-Bus). The natives ship
 * inside {@code org.sputnikdev:bluetooth-manager-tinyb} and are extracted and loaded by
 * {@link dev.spinetrack.gateway.ble.tinyb.TinybNatives}.
 */
package dev.spinetrack.gateway.ble.tinyb;
