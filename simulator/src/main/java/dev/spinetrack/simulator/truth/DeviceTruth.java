package dev.spinetrack.simulator.truth;

import dev.spinetrack.protocol.region.Region;

import java.util.List;
import java.util.Map;

/**
 * Ground truth of one device.
 *
 * @param device      device id (12 hex digits, as in MQTT topics)
 * @param kind        RACK or BALL
 * @param samples     samples emitted (before faults)
 * @param regions     per region: dwell and pressure stats
 * @param regionSpans for a ball, the scripted region over time (device time, epoch ms), which a
 *                    real user would give as the active step or a tag; empty for a rack
 * @param sets        exercise sets with their true rep counts
 * @param gapMs       total time of data gaps (intervals over the gap limit)
 */
public record DeviceTruth(String device, String kind, long samples, Map<Region, RegionTruth> regions,
                          List<RegionSpan> regionSpans, List<SetTruth> sets, long gapMs) {
    public DeviceTruth {
        regions = Map.copyOf(regions);
        regionSpans = List.copyOf(regionSpans);
        sets = List.copyOf(sets);
    }
}
