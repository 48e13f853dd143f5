package dev.spinetrack.server.session;

/**
 * What became of a sample batch.
 *
 * @param stored     samples newly stored
 * @param duplicates samples already held, dropped
 * @param rejected   samples whose channel count does not match the device, dropped
 * @param held       whether the stored samples wait for the device's info
 */
public record IngestOutcome(int stored, int duplicates, int rejected, boolean held) {
}
