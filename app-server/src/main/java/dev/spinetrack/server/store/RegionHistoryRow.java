package dev.spinetrack.server.store;

import dev.spinetrack.server.tracking.RegionStats;

/**
 * One session's statistics of a region, for history across sessions.
 *
 * @param sessionId session
 * @param deviceId  device
 * @param startedAt session start, epoch ms
 * @param stats     the region's statistics in that session
 */
public record RegionHistoryRow(long sessionId, String deviceId, long startedAt, RegionStats stats) {
}
