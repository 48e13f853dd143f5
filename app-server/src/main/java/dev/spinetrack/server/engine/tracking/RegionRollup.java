package dev.spinetrack.server.engine.tracking;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.band.BandTime;
import dev.spinetrack.server.engine.band.PressureBand;

/** Accumulates one region's dwell intervals and gaps; {@link #stats()} reads the result. */
public final class RegionRollup {

    private final Region region;
    private final PressureSketch sketch = new PressureSketch();
    private long dwellMs;
    private double pressureTimeSum;
    private double peak;
    private final BandTime bandTime = new BandTime();
    private long gapCount;
    private long gapMs;

    public RegionRollup(Region region) {
        this.region = region;
    }

    /** A dwell interval of {@code ms} begun by a sample with this focus pressure. */
    public void addDwell(long ms, double pressure, PressureBand band) {
        dwellMs += ms;
        pressureTimeSum += pressure * ms;
        peak = Math.max(peak, pressure);
        sketch.add(pressure);
        bandTime.add(ms, pressure, band);
    }

    /** A data gap begun by a sample dwelling here. */
    public void addGap(long ms) {
        gapCount++;
        gapMs += ms;
    }

    public RegionStats stats() {
        double mean = dwellMs > 0 ? pressureTimeSum / dwellMs : 0;
        return new RegionStats(region, dwellMs, sketch.count(), mean, peak, sketch.quantile(0.95), bandTime.inMs(),
                bandTime.belowMs(), bandTime.aboveMs(), gapCount, gapMs);
    }
}
