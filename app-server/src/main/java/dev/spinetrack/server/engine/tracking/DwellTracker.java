package dev.spinetrack.server.engine.tracking;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.band.PressureBand;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Dwell per region as DESIGN.md defines it: every interval between consecutive samples of a
 * device (in device order) is dwell on the earlier sample's focus region when that sample is
 * in contact with a focus; an interval longer than the gap limit is a data gap instead.
 * An interval of zero (or a step back in device time, counted as zero) adds nothing.
 * Feed samples in ascending sequence order; out-of-order input is the caller's to sort
 * (the session engine replays from storage when a late batch arrives).
 */
public final class DwellTracker {

    private final long gapLimitMs;
    private final LongFunction<PressureBand> bandAt;
    private final Map<Region, RegionRollup> rollups = new EnumMap<>(Region.class);
    private FocusedSample previous;
    private long samples;
    private long firstT;
    private long contactMs;
    private long gapCount;
    private long gapMs;
    private long untaggedMs;

    /**
     * @param gapLimitMs intervals longer than this are data gaps
     * @param bandAt     the target band in force at a device time
     */
    public DwellTracker(long gapLimitMs, LongFunction<PressureBand> bandAt) {
        if (gapLimitMs <= 0) {
            throw new IllegalArgumentException("gap limit must be > 0 ms, was " + gapLimitMs);
        }
        this.gapLimitMs = gapLimitMs;
        this.bandAt = bandAt;
    }

    /** Takes the next sample; its sequence number must be above the previous one's. */
    public void accept(FocusedSample s) {
        if (previous != null) {
            if (s.seq() <= previous.seq()) {
                throw new IllegalArgumentException("sample seq " + s.seq() + " is not after " + previous.seq());
            }
            close(previous, Math.max(0, s.t() - previous.t()));
        } else {
            firstT = s.t();
        }
        samples++;
        previous = s;
    }

    private void close(FocusedSample earlier, long interval) {
        switch (SampleInterval.of(interval, earlier.contact(), earlier.region(), gapLimitMs)) {
            case GAP -> {
                gapCount++;
                gapMs += interval;
                if (earlier.dwelling()) {
                    rollup(earlier.region()).addGap(interval);
                }
            }
            case UNTAGGED -> {
                contactMs += interval;
                untaggedMs += interval;
            }
            case DWELL -> {
                contactMs += interval;
                rollup(earlier.region()).addDwell(interval, earlier.pressure(), bandAt.apply(earlier.t()));
            }
            default -> {
                // NONE: a zero interval (repeated timestamp, clock step back) or no contact holds no time
            }
        }
    }

    private RegionRollup rollup(Region r) {
        return rollups.computeIfAbsent(r, RegionRollup::new);
    }

    /** The last sample taken, or null. */
    public FocusedSample last() {
        return previous;
    }

    /** Per-region statistics so far, regions with anything recorded, in catalog order. */
    public List<RegionStats> regions() {
        List<RegionStats> out = new ArrayList<>(rollups.size());
        for (RegionRollup r : rollups.values()) {
            out.add(r.stats());
        }
        return out;
    }

    public TrackTotals totals() {
        return new TrackTotals(samples, firstT, previous == null ? 0 : previous.t(), contactMs, gapCount, gapMs,
                untaggedMs);
    }
}
