package dev.spinetrack.server.storage;

import dev.spinetrack.server.engine.tracking.RegionStats;

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
