package dev.spinetrack.simulator;

import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.region.Focus;
import dev.spinetrack.protocol.region.FocusRule;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.simulator.truth.RegionSpan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes dwell and pressure per region from decoded frames only, written apart from the
 * simulator's own recorder: the way a server would do it.
 */
final class IndependentTruth {

    record Stats(long dwellMs, double mean, double peak, double p95) {
    }

    final Map<Region, Stats> regions = new EnumMap<>(Region.class);
    long gapMs;

    static IndependentTruth of(List<Playback.TimedFrame> frames, DeviceCapabilities caps, List<RegionSpan> spans) {
        IndependentTruth out = new IndependentTruth();
        Map<Region, List<double[]>> samples = new EnumMap<>(Region.class);
        for (int i = 0; i + 1 < frames.size(); i++) {
            Playback.TimedFrame f = frames.get(i);
            long interval = frames.get(i + 1).epochMs() - f.epochMs();
            if (interval > FocusRule.DEFAULT_GAP_LIMIT_MS) {
                out.gapMs += interval;
                continue;
            }
            double[] p = new double[f.frame().channelCount()];
            for (int c = 0; c < p.length; c++) {
                p[c] = f.frame().pressure(c) * caps.scaleMilli() / 1000.0;
            }
            if (!FocusRule.inContact(p, caps.contactThreshold())) {
                continue;
            }
            Optional<Focus> focus;
            if (caps.kind() == DeviceKind.RACK) {
                focus = FocusRule.rackFocus(p, caps.cells());
            } else {
                focus = spans.stream().filter(s -> s.fromMs() <= f.epochMs() && f.epochMs() < s.toMs()).findFirst()
                        .map(s -> FocusRule.ballFocus(p[0], s.region()));
            }
            focus.ifPresent(x -> samples.computeIfAbsent(x.region(), r -> new ArrayList<>())
                    .add(new double[] {interval, x.pressure()}));
        }
        samples.forEach((region, list) -> {
            long dwell = 0;
            double weighted = 0;
            double peak = 0;
            double[] values = new double[list.size()];
            for (int i = 0; i < list.size(); i++) {
                dwell += (long) list.get(i)[0];
                weighted += list.get(i)[0] * list.get(i)[1];
                peak = Math.max(peak, list.get(i)[1]);
                values[i] = list.get(i)[1];
            }
            java.util.Arrays.sort(values);
            double p95 = values[(int) Math.ceil(values.length * 0.95) - 1];
            out.regions.put(region, new Stats(dwell, weighted / dwell, peak, p95));
        });
        return out;
    }
}
