package dev.spinetrack.simulator.truth;

import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.region.Focus;
import dev.spinetrack.protocol.region.FocusRule;
import dev.spinetrack.protocol.region.Region;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes one device's ground truth from the samples it emits, by the shared definitions
 * ({@link FocusRule}): the interval from each sample to the next counts as dwell on the
 * earlier sample's focus region when that sample is in contact, or as a data gap when it is
 * longer than {@link FocusRule#DEFAULT_GAP_LIMIT_MS}. Pressure stats are over the samples
 * whose interval counted as dwell: the mean weighted by interval, the peak, and the 95th
 * percentile by nearest rank.
 */
public final class TruthRecorder {

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
    private double previousPressure;
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
            if (interval > FocusRule.DEFAULT_GAP_LIMIT_MS) {
                gapMs += interval;
            } else if (previousRegion != null && interval > 0) {
                regions.computeIfAbsent(previousRegion, r -> new Accumulator()).add(interval, previousPressure);
            }
        }
        samples++;
        double[] phys = new double[frame.channelCount()];
        for (int i = 0; i < phys.length; i++) {
            phys[i] = caps.toUnits(frame.pressure(i));
        }
        previousRegion = null;
        if (FocusRule.inContact(phys, caps.contactThreshold())) {
            if (caps.kind() == DeviceKind.RACK) {
                Optional<Focus> focus = FocusRule.rackFocus(phys, caps.cells());
                if (focus.isPresent()) {
                    previousRegion = focus.get().region();
                    previousPressure = focus.get().pressure();
                }
            } else if (scriptedRegion != null) {
                Focus focus = FocusRule.ballFocus(phys[0], scriptedRegion);
                previousRegion = focus.region();
                previousPressure = focus.pressure();
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

    /** Dwell and pressure of one region. */
    private static final class Accumulator {
        private long dwell;
        private double weighted;
        private double peak;
        private double[] values = new double[256];
        private int n;

        void add(long interval, double pressure) {
            dwell += interval;
            weighted += pressure * interval;
            peak = Math.max(peak, pressure);
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            values[n++] = pressure;
        }

        RegionTruth truth() {
            double[] sorted = java.util.Arrays.copyOf(values, n);
            java.util.Arrays.sort(sorted);
            double p95 = n == 0 ? 0 : sorted[(int) Math.ceil(0.95 * n) - 1];
            return new RegionTruth(dwell, dwell == 0 ? 0 : weighted / dwell, peak, p95);
        }
    }
}
