package dev.spinetrack.simulator.truth;

import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.Side;

/**
 * The ground truth's own reading of PROTOCOL.md 8.1-8.2 (contact, focus side, centroid level,
 * region, focus pressure), written from the text apart from {@code FocusRule}, which the
 * gateway and server use: here everything is decided in integers on the frame's raw counts.
 * A common positive scale ({@code scaleMilli}) multiplies every channel and the threshold
 * alike, so comparing raw counts decides exactly what comparing physical values means, with
 * no rounding anywhere. This is the oracle the server's tracking is checked against; sharing
 * code with it would make the check circular.
 */
final class SpecFocus {

    /** First level code of each segment, in order down the spine (table of 8.1). */
    private static final int[] SEGMENT_START = {7, 9, 12, 16, 20};
    private static final String[] SEGMENT_NAME = {
            "CERVICOTHORACIC", "UPPER_THORACIC", "MID_THORACIC", "LOWER_THORACIC", "LUMBAR"};
    private static final int LOWEST_CODE = 7;
    private static final int HIGHEST_CODE = 24;
    /** Each segment's region on the left and on the right, looked up by name once (not per sample). */
    private static final Region[][] REGIONS = new Region[SEGMENT_NAME.length][2];

    static {
        for (int i = 0; i < SEGMENT_NAME.length; i++) {
            REGIONS[i][0] = Region.valueOf(SEGMENT_NAME[i] + "_" + Side.LEFT.name());
            REGIONS[i][1] = Region.valueOf(SEGMENT_NAME[i] + "_" + Side.RIGHT.name());
        }
    }

    /** A focused sample: its region and its focus pressure in raw counts. */
    record Focused(Region region, int focusRaw) {
    }

    private SpecFocus() {
    }

    /** Contact: some channel strictly above the threshold (raw counts against raw counts). */
    static boolean contact(SampleFrame frame, DeviceCapabilities caps) {
        for (int i = 0; i < frame.channelCount(); i++) {
            if (frame.pressure(i) > caps.contactThresholdRaw()) {
                return true;
            }
        }
        return false;
    }

    /** Focus of a sample: a rack's from its cells, a ball's on the region it was given; null when none. */
    static Focused focus(SampleFrame frame, DeviceCapabilities caps, Region givenBallRegion) {
        if (caps.kind() == DeviceKind.BALL) {
            return givenBallRegion == null ? null : new Focused(givenBallRegion, frame.pressure(0));
        }
        long left = 0;
        long right = 0;
        for (int i = 0; i < frame.channelCount(); i++) {
            Side side = caps.cells().get(i).side();
            if (side == Side.LEFT) {
                left += frame.pressure(i);
            } else if (side == Side.RIGHT) {
                right += frame.pressure(i);
            }
        }
        if (left == 0 && right == 0) {
            return null;
        }
        Side side = right > left ? Side.RIGHT : Side.LEFT; // LEFT on a tie
        long moment = 0; // sum of raw x level code
        long total = 0;
        int peak = 0;
        for (int i = 0; i < frame.channelCount(); i++) {
            CellPlacement cell = caps.cells().get(i);
            if (cell.side() == side) {
                moment += (long) frame.pressure(i) * cell.level().code();
                total += frame.pressure(i);
                peak = Math.max(peak, frame.pressure(i));
            }
        }
        // Nearest level, a half going toward the lumbar end: floor(moment / total + 1/2).
        long level = Math.floorDiv(2 * moment + total, 2 * total);
        level = Math.max(LOWEST_CODE, Math.min(HIGHEST_CODE, level));
        return new Focused(regionOf((int) level, side), peak);
    }

    private static Region regionOf(int levelCode, Side side) {
        int segment = 0;
        while (segment + 1 < SEGMENT_START.length && levelCode >= SEGMENT_START[segment + 1]) {
            segment++;
        }
        return REGIONS[segment][side == Side.RIGHT ? 1 : 0];
    }
}
