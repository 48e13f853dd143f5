/**
 * JMH benchmarks of the gateway's hot code, run by hand (docs/benchmarks.md); never part of
 * {@code ./mvnw verify}.
 */
package dev.spinetrack.gateway.bench;
