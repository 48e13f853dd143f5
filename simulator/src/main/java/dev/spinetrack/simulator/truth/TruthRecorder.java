package dev.spinetrack.simulator.truth;

import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.region.Region;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Computes one device's ground truth from the samples it emits, by the definitions of
 * PROTOCOL.md 8.2 as {@link SpecFocus} reads them on raw counts (apart from the
 * {@code FocusRule} the gateway and server use, so the truth is an independent oracle): the
 * interval from each sample to the next counts as dwell on the earlier sample's focus region
 * when that sample is in contact, or as a data gap when it is
 * longer than the gap limit of 8.2, 1000 ms. Pressure stats are over the samples
 * whose interval counted as dwell: the mean weighted by interval, the peak, and the 95th
 * percentile by nearest rank.
 */
public final class TruthRecorder {

    /** PROTOCOL.md 8.2: an interval longer than this is a data gap; exactly 1000 ms is still dwell. */
    private static final long GAP_LIMIT_MS = 1000;

    private final String device;
    private final DeviceCapabilities caps;
    private final Map<Region, Accumulator> regions = new EnumMap<>(Region.class);
    private final List<RegionSpan> spans = new ArrayList<>();
    private final List<SetTruth> sets = new ArrayList<>();
    private long samples;
    private long gapMs;
    private boolean hasPrevious;
    private long previousT;
    private Region previousRegion;
    private int previousRaw;
    private Region spanRegion;
    private long spanFrom;

    public TruthRecorder(String device, DeviceCapabilities caps) {
        this.device = device;
        this.caps = caps;
    }

    /**
     * Takes the next emitted sample.
     *
     * @param frame          the frame as emitted
     * @param deviceEpochMs  its device time as epoch ms
     * @param scriptedRegion for a ball, the scripted region (else ignored)
     */
    public void accept(SampleFrame frame, long deviceEpochMs, Region scriptedRegion) {
        if (hasPrevious) {
            long interval = deviceEpochMs - previousT;
            if (interval > GAP_LIMIT_MS) {
                gapMs += interval;
            } else if (previousRegion != null && interval > 0) {
                Accumulator acc = regions.get(previousRegion);
                if (acc == null) {
                    acc = new Accumulator(caps);
                    regions.put(previousRegion, acc);
                }
                acc.add(interval, previousRaw);
            }
        }
        samples++;
        previousRegion = null;
        if (SpecFocus.contact(frame, caps)) {
            SpecFocus.Focused focus = SpecFocus.focus(frame, caps, scriptedRegion);
            if (focus != null) {
                previousRegion = focus.region();
                previousRaw = focus.focusRaw();
            }
        }
        if (caps.kind() == DeviceKind.BALL && scriptedRegion != spanRegion) {
            closeSpan(deviceEpochMs);
            spanRegion = scriptedRegion;
            spanFrom = deviceEpochMs;
        }
        hasPrevious = true;
        previousT = deviceEpochMs;
    }

    /** Records a completed exercise set. */
    public void addSet(SetTruth set) {
        sets.add(set);
    }

    /** The truth so far. */
    public DeviceTruth snapshot() {
        Map<Region, RegionTruth> out = new EnumMap<>(Region.class);
        regions.forEach((r, acc) -> out.put(r, acc.truth()));
        List<RegionSpan> allSpans = new ArrayList<>(spans);
        if (spanRegion != null && hasPrevious) {
            allSpans.add(new RegionSpan(spanFrom, previousT + 1, spanRegion));
        }
        return new DeviceTruth(device, caps.kind().name(), samples, out, allSpans, sets, gapMs);
    }

    private void closeSpan(long to) {
        if (spanRegion != null) {
            spans.add(new RegionSpan(spanFrom, to, spanRegion));
        }
    }

    /**
     * Dwell and pressure of one region. Pressures are tallied by raw count rather than kept one by
     * one: a device sends u16 raw counts, so the distinct values, and the memory, stay bounded
     * however long a load run lasts, and since units are raw counts times a positive scale the
     * nearest-rank p95 of the counts, in units, is the p95 of the pressures.
     */
    private static final class Accumulator {
        private final DeviceCapabilities caps;
        private final RawTally tally = new RawTally();
        private long dwell;
        private double weighted;
        private int peakRaw;

        Accumulator(DeviceCapabilities caps) {
            this.caps = caps;
        }

        void add(long interval, int raw) {
            dwell += interval;
            weighted += caps.toUnits(raw) * interval;
            peakRaw = Math.max(peakRaw, raw);
            tally.add(raw);
        }

        RegionTruth truth() {
            return new RegionTruth(dwell, dwell == 0 ? 0 : weighted / dwell, caps.toUnits(peakRaw), p95());
        }

        /** The 95th percentile by nearest rank: the smallest value with ceil(0.95 n) values at or below it. */
        private double p95() {
            long n = tally.total();
            return n == 0 ? 0 : caps.toUnits(tally.atRank((long) Math.ceil(0.95 * n)));
        }
    }
}
