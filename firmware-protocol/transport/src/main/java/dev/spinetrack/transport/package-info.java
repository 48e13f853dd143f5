/**
 * Socket plumbing the gateway's and the server's MQTT clients share. It does I/O, so it lives
 * beside the protocol module (which has none) rather than in it.
 */
package dev.spinetrack.transport;
