package dev.spinetrack.simulator.truth;

import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.region.Region;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A ball's region figures from its samples, checked against sums and a nearest-rank p95 worked
 * out here from the list of pressures fed (each sample's interval to the next counts, so the
 * last sample's pressure counts for nothing).
 */
class TruthRecorderTest {

    /** 0.01 N per count, contact above 100 counts (1 N). */
    private static final DeviceCapabilities BALL = new DeviceCapabilities(DeviceKind.BALL, 1, 0, 0, 25, 100,
            PressureUnit.NEWTON, 10, 100, List.of(CellPlacement.UNPLACED));

    @Test
    void figuresOfOneRegionEqualThoseWorkedOutFromTheSamples() {
        Random random = new Random(5);
        TruthRecorder truth = new TruthRecorder("c0ffee000002", BALL);
        int samples = 20_001;
        long[] raws = new long[samples];
        for (int i = 0; i < samples; i++) {
            // many repeats of a few values, as a u16 sensor gives, all in contact
            raws[i] = 101 + random.nextInt(i % 3 == 0 ? 50 : 2_000);
            truth.accept(frame(i, (int) raws[i]), 1_000_000L + 10L * i, Region.LUMBAR_LEFT);
        }
        RegionTruth got = truth.snapshot().regions().get(Region.LUMBAR_LEFT);

        long[] counted = java.util.Arrays.copyOf(raws, samples - 1);
        java.util.Arrays.sort(counted);
        long rank = (samples - 1) * 95L / 100 + ((samples - 1) * 95L % 100 == 0 ? 0 : 1); // ceil(0.95 n)
        long sum = 0;
        long max = 0;
        for (long r : counted) {
            sum += r;
            max = Math.max(max, r);
        }
        assertEquals(10L * (samples - 1), got.dwellMs(), "dwell");
        assertEquals(sum / 100.0 / (samples - 1), got.meanPressure(), 1e-9, "mean (equal intervals)");
        assertEquals(max / 100.0, got.peakPressure(), 0, "peak");
        assertEquals(counted[(int) rank - 1] / 100.0, got.p95Pressure(), 0, "p95 by nearest rank");
    }

    @Test
    void aSingleCountedSampleIsItsOwnP95() {
        TruthRecorder truth = new TruthRecorder("c0ffee000002", BALL);
        truth.accept(frame(0, 250), 1_000, Region.MID_THORACIC_RIGHT);
        truth.accept(frame(1, 900), 1_010, Region.MID_THORACIC_RIGHT);
        RegionTruth got = truth.snapshot().regions().get(Region.MID_THORACIC_RIGHT);
        assertEquals(10, got.dwellMs());
        assertEquals(2.5, got.p95Pressure(), 0);
        assertEquals(2.5, got.peakPressure(), 0);
    }

    private static SampleFrame frame(int seq, int raw) {
        return new SampleFrame(seq, 10L * seq, 0, 0, new int[]{raw}, SampleFrame.NO_BATTERY, false, true);
    }
}
