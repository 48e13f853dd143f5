/**
 * MQTT ingest: a Paho MQTTv5 consumer with manual acknowledgements that parses and validates
 * payloads and hands them to the device engine, acknowledging only after the effects are stored.
 */
package dev.spinetrack.server.ingest;
