/**
 * The MQTT side of the contract: the topic tree and the JSON payloads of sample batches,
 * device info and device and gateway status (PROTOCOL.md §7).
 */
package dev.spinetrack.protocol.mqtt;
