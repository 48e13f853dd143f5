/**
 * Test support shared by the gateway's and the server's tests: brokers on free ports (or the
 * one CI points the tests at with {@code spinetrack.it.mqtt}) and waiting for a condition with a
 * bound that only ends a broken run.
 */
package dev.spinetrack.testing;
