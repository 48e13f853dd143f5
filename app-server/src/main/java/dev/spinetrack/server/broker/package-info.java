/** The embedded HiveMQ CE broker started when no external broker is configured. */
package dev.spinetrack.server.broker;
