/**
 * The picocli command line ({@code simulate list|describe|run|load}); wiring over
 * {@link dev.spinetrack.simulator.Simulation} and {@link dev.spinetrack.simulator.Playback}.
 */
package dev.spinetrack.simulator.cli;
