package dev.spinetrack.server.engine.band;

/**
 * Time split by where the focus pressure stood relative to the band in force: the one tally of
 * "time in band". Tracking keeps one per region, a guided session one per step, and both add the
 * same dwell intervals (the interval after a sample in contact with a focus, up to the gap limit),
 * classified by the earlier sample's pressure, so the two figures cannot drift apart.
 */
public final class BandTime {

    private long inMs;
    private long belowMs;
    private long aboveMs;

    /** Adds {@code ms} of dwell begun by a sample whose pressure stood at {@code position}. */
    public void add(BandPosition position, long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("band time must be >= 0 ms, was " + ms);
        }
        switch (position) {
            case IN -> inMs += ms;
            case BELOW -> belowMs += ms;
            case ABOVE -> aboveMs += ms;
            default -> throw new IllegalArgumentException("position " + position);
        }
    }

    /** Adds {@code ms} of dwell begun by a sample of this focus pressure, against the band then in force. */
    public void add(long ms, double pressure, PressureBand band) {
        add(band.position(pressure), ms);
    }

    /** Starts again from figures kept before (a guided session resumed from storage). */
    public void restore(long in, long below, long above) {
        if (in < 0 || below < 0 || above < 0) {
            throw new IllegalArgumentException("band times must be >= 0, were " + in + ", " + below + ", " + above);
        }
        inMs = in;
        belowMs = below;
        aboveMs = above;
    }

    /** Dwell with the pressure inside the band, bounds included. */
    public long inMs() {
        return inMs;
    }

    /** Dwell below the band (cue: harder). */
    public long belowMs() {
        return belowMs;
    }

    /** Dwell above the band (cue: lighter). */
    public long aboveMs() {
        return aboveMs;
    }
}
