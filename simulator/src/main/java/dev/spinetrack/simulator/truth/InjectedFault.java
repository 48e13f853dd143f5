package dev.spinetrack.simulator.truth;

/**
 * A fault the simulator injected.
 *
 * @param device device id
 * @param type   DROP, CORRUPT, DUPLICATE, DISCONNECT, CLOCK_DRIFT, LOW_BATTERY, STALL
 * @param atMs   device epoch ms when it happened
 * @param detail what exactly (sequence number, byte offset, duration)
 */
public record InjectedFault(String device, String type, long atMs, String detail) {
}
