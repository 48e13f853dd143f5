package dev.spinetrack.simulator.device;

import dev.spinetrack.protocol.region.Region;

/**
 * What a device's sensors read at one instant, before it becomes a frame.
 *
 * @param pitchCenti     IMU pitch, hundredths of a degree
 * @param rollCenti      IMU roll, hundredths of a degree
 * @param pressures      raw counts per channel
 * @param scriptedRegion for a ball, the region the script works at this instant; else {@code null}
 */
public record Reading(int pitchCenti, int rollCenti, int[] pressures, Region scriptedRegion) {
}
