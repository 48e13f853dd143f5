/**
 * Fault injection: parsing fault flags and scenario fault specs, resolving them per device,
 * and applying transport faults (drop, corrupt, duplicate) to packets of notifications.
 */
package dev.spinetrack.simulator.fault;
