package dev.spinetrack.gateway.device;

/**
 * Sums over all devices.
 *
 * @param known         devices the gateway has found
 * @param streaming     devices streaming now
 * @param samples       samples decoded
 * @param gaps          missing sequence numbers
 * @param duplicates    repeated samples dropped
 * @param invalidFrames decode errors
 * @param reconnects    reconnect attempts
 */
public record FleetCounters(int known, int streaming, long samples, long gaps, long duplicates,
                            long invalidFrames, long reconnects) {
}
