package dev.spinetrack.gateway;

/**
 * Counters of a running gateway since it started.
 *
 * @param devices        devices streaming now
 * @param samplesIn      samples decoded from devices
 * @param samplesOut     samples acknowledged by the broker
 * @param gaps           samples missing from device sequences (counted at the next sample that arrives)
 * @param duplicates     samples received twice and dropped
 * @param invalidFrames  notifications or frames that failed to decode
 * @param queueDepth     batches waiting for their PUBACK
 * @param queueRejected  batches refused because the queue was full
 * @param queueTorn      damaged records skipped when the queue was opened
 * @param reconnects     device reconnect attempts
 * @param mqttConnected  whether the broker connection is up
 */
public record GatewayStats(int devices, long samplesIn, long samplesOut, long gaps, long duplicates,
                           long invalidFrames, long queueDepth, long queueRejected, long queueTorn,
                           long reconnects, boolean mqttConnected) {
}
