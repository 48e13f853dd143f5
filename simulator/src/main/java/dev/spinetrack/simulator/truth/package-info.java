/**
 * Ground truth of a simulation run: per device and region the dwell and pressure the
 * definitions of DESIGN.md give on the emitted samples, reps per set, and injected faults.
 * Written as JSON by the CLI and compared against by the server's accuracy tests.
 */
package dev.spinetrack.simulator.truth;
