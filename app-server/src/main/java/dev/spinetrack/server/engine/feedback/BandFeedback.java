package dev.spinetrack.server.engine.feedback;

import dev.spinetrack.server.engine.band.BandPosition;
import dev.spinetrack.server.engine.band.PressureBand;

import java.util.Objects;

/**
 * Turns focus pressure over time into a steady "lighter / in zone / harder" cue.
 * <p>Two things keep it from flickering: <b>hysteresis</b> — once in the zone the pressure
 * must leave the band by more than {@code margin} to count as out, and from outside it must
 * come {@code margin} inside the band to count as in; and a <b>settle delay</b> — a new cue is
 * shown only after the candidate has held for {@code settleMs} of device time.
 * <p>Time in band is not counted here: tracking and a guided step count it with
 * {@link dev.spinetrack.server.engine.band.BandTime} over dwell intervals.
 */
public final class BandFeedback {

    private final PressureBand band;
    private final double margin;
    private final long settleMs;
    private BandCue shown;
    private BandCue candidate;
    private long candidateSince;

    /**
     * @param band     target band
     * @param margin   hysteresis margin in the band's unit, {@code >= 0} and under half the band width
     * @param settleMs how long a new cue must hold before it is shown, {@code >= 0}
     */
    public BandFeedback(PressureBand band, double margin, long settleMs) {
        this.band = Objects.requireNonNull(band, "band");
        if (!(margin >= 0) || margin * 2 >= band.width()) {
            throw new IllegalArgumentException("margin must be >= 0 and under half the band width "
                    + band.width() + ", was " + margin);
        }
        if (settleMs < 0) {
            throw new IllegalArgumentException("settleMs must be >= 0, was " + settleMs);
        }
        this.margin = margin;
        this.settleMs = settleMs;
    }

    /** Default margin: 5 % of the band width. */
    public static BandFeedback withDefaults(PressureBand band) {
        return new BandFeedback(band, band.width() * 0.05, 400);
    }

    public PressureBand band() {
        return band;
    }

    /**
     * Takes the next sample's focus pressure at device time {@code t} (ascending) and returns
     * the cue to show.
     */
    public BandCue update(long t, double pressure) {
        BandCue wanted = withHysteresis(pressure);
        if (shown == null) {
            shown = wanted;
            candidate = wanted;
            candidateSince = t;
            return shown;
        }
        if (wanted == shown) {
            candidate = shown;
        } else if (wanted != candidate) {
            candidate = wanted;
            candidateSince = t;
        }
        if (candidate != shown && t - candidateSince >= settleMs) {
            shown = candidate;
        }
        return shown;
    }

    /** The cue shown now, or null before the first sample. */
    public BandCue current() {
        return shown;
    }

    private BandCue raw(double p) {
        return BandCue.of(band.position(p));
    }

    private BandCue withHysteresis(double p) {
        if (shown == BandCue.IN_ZONE) {
            return BandCue.of(band.position(p, margin)); // in: out only past the band widened by the margin
        }
        if (shown == null) {
            return raw(p);
        }
        if (band.position(p, -margin) == BandPosition.IN) {
            return BandCue.IN_ZONE; // out: in only inside the band narrowed by the margin
        }
        // Outside, staying outside: only the side can change, and only past the band itself.
        BandPosition side = band.position(p);
        return side == BandPosition.IN ? shown : BandCue.of(side);
    }
}
