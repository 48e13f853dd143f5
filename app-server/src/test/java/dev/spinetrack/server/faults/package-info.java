/**
 * The delivery fault suite: real Mosquitto, PostgreSQL, server and gateway processes, one fault
 * per case, every stored sample and session compared with an undisturbed replay of the same
 * samples. Run by {@code .ci/run} ({@code -Dspinetrack.faults=true}); see {@link dev.spinetrack.server.faults.DeliveryFaultSuiteIT}.
 */
package dev.spinetrack.server.faults;
