/**
 * The BLE GATT profile of SpineTrack devices and the byte codecs of its characteristics:
 * sample frames, the capability record, control-point commands and results, and the
 * fragmentation of packets into ATT notifications.
 */
package dev.spinetrack.protocol.gatt;
