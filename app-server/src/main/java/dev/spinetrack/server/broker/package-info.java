/**
 * The MQTT broker side: where the broker is ({@link dev.spinetrack.server.broker.MqttSettings}),
 * the embedded HiveMQ CE broker started when no external broker is configured, and the client
 * connection the ingest adapter consumes through.
 */
package dev.spinetrack.server.broker;
