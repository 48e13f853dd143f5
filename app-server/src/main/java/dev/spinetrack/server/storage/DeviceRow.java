package dev.spinetrack.server.storage;

/**
 * A stored device.
 *
 * @param id           device id (12 hex digits)
 * @param gateway      gateway it was last seen through
 * @param ownerId      user who owns it
 * @param name         advertised name, null until info arrives
 * @param kind         RACK or BALL, null until info arrives
 * @param infoJson     the retained device info as received, null until it arrives
 * @param state        ONLINE, OFFLINE or LOST, null when unknown
 * @param battery      last battery percent, null when unknown
 * @param lastSeen     server clock of the last message, epoch ms
 * @param processedSeq highest seq run through tracking, -1 when none
 * @param revision     bumped by every session change, so instances sharing the stream see stale tracks
 */
public record DeviceRow(String id, String gateway, String ownerId, String name, String kind, String infoJson,
                        String state, Integer battery, Long lastSeen, long processedSeq,
                        long revision) {
}
