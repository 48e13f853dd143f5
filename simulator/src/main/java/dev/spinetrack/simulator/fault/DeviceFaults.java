package dev.spinetrack.simulator.fault;

import java.util.List;

/**
 * The faults one device suffers, resolved to scenario times.
 *
 * @param dropRate        fraction of packets dropped, [0, 1]
 * @param corruptRate     fraction of packets corrupted, [0, 1]
 * @param duplicateRate   fraction of packets delivered twice, [0, 1]
 * @param disconnectsMs   scenario times of link drops, ascending
 * @param driftPpm        device clock drift, ppm
 * @param lowBattery      battery falls, ascending
 * @param stalls          stalled-stream windows, ascending
 */
public record DeviceFaults(double dropRate, double corruptRate, double duplicateRate, List<Long> disconnectsMs,
                           double driftPpm, List<BatteryFall> lowBattery, List<Stall> stalls, List<Long> rebootsMs) {

    /** No faults. */
    public static final DeviceFaults NONE = new DeviceFaults(0, 0, 0, List.of(), 0, List.of(), List.of(), List.of());

    public DeviceFaults {
        disconnectsMs = disconnectsMs.stream().sorted().toList();
        lowBattery = lowBattery.stream().sorted((a, b) -> Long.compare(a.atMs(), b.atMs())).toList();
        rebootsMs = rebootsMs.stream().sorted().toList();
        stalls = stalls.stream().sorted((a, b) -> Long.compare(a.atMs(), b.atMs())).toList();
    }

    /**
     * The battery falls to {@code percent} at {@code atMs}.
     *
     * @param atMs    scenario time
     * @param percent level it falls to
     */
    public record BatteryFall(long atMs, int percent) {
    }

    /**
     * The stream stalls.
     *
     * @param atMs       scenario time it starts
     * @param durationMs how long
     */
    public record Stall(long atMs, long durationMs) {
        /** Whether scenario time {@code ms} is inside the stall. */
        public boolean covers(double ms) {
            return ms >= atMs && ms < atMs + durationMs;
        }
    }
}
