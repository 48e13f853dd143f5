/**
 * JMH benchmarks of the codecs, run by hand (see README, section Protocol); never part of
 * {@code ./mvnw verify}.
 */
package dev.spinetrack.protocol.bench;
