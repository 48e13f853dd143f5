/**
 * Devices: which advertisements to accept, the connect / capabilities / SET_TIME / stream
 * handshake, reassembly and decoding into MQTT samples, per-device gap and error accounting,
 * and reconnecting with backoff and a stream watchdog.
 */
package dev.spinetrack.gateway.device;
