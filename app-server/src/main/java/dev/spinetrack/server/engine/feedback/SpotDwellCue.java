package dev.spinetrack.server.engine.feedback;

import dev.spinetrack.protocol.region.FocusRule;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.tracking.SampleInterval;

import java.util.EnumMap;
import java.util.Map;

/**
 * Accumulates dwell per region exactly as DESIGN.md defines it (the interval after a sample
 * in contact counts for that sample's focus region; intervals over the gap limit are gaps)
 * and says "hold" until the focus region's dwell reaches the target, then "move on".
 */
public final class SpotDwellCue {

    private final long targetMs;
    private final long gapLimitMs;
    private final Map<Region, Long> dwell = new EnumMap<>(Region.class);
    private long lastT = Long.MIN_VALUE;
    private Region lastRegion;
    private boolean lastContact;

    public SpotDwellCue(long targetMs) {
        this(targetMs, FocusRule.DEFAULT_GAP_LIMIT_MS);
    }

    public SpotDwellCue(long targetMs, long gapLimitMs) {
        if (targetMs <= 0 || gapLimitMs <= 0) {
            throw new IllegalArgumentException("target and gap limit must be > 0, were " + targetMs + ", " + gapLimitMs);
        }
        this.targetMs = targetMs;
        this.gapLimitMs = gapLimitMs;
    }

    /**
     * Takes the next sample at device time {@code t}: its focus region (null when unknown) and
     * whether it is in contact.
     */
    public SpotDwell update(long t, Region focus, boolean contact) {
        if (lastT != Long.MIN_VALUE && SampleInterval.of(t - lastT, lastContact, lastRegion, gapLimitMs)
                == SampleInterval.DWELL) {
            dwell.merge(lastRegion, t - lastT, Long::sum);
        }
        if (lastT == Long.MIN_VALUE || t >= lastT) {
            lastT = t;
            lastRegion = focus;
            lastContact = contact;
        }
        return current();
    }

    /** Dwell and cue for the latest focus region. */
    public SpotDwell current() {
        if (lastRegion == null) {
            return new SpotDwell(null, 0, targetMs, DwellCue.HOLD);
        }
        long d = dwellMs(lastRegion);
        return new SpotDwell(lastRegion, d, targetMs, d >= targetMs ? DwellCue.MOVE_ON : DwellCue.HOLD);
    }

    /** The dwell target. */
    public long targetMs() {
        return targetMs;
    }

    /** Dwell accumulated on a region. */
    public long dwellMs(Region region) {
        return dwell.getOrDefault(region, 0L);
    }
}
