package dev.spinetrack.simulator.truth;

import dev.spinetrack.protocol.region.Region;

/**
 * A span of device time during which a ball worked one region.
 *
 * @param fromMs start, device epoch ms, inclusive
 * @param toMs   end, device epoch ms, exclusive
 * @param region the scripted region
 */
public record RegionSpan(long fromMs, long toMs, Region region) {
}
