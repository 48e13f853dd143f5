package dev.spinetrack.server.accuracy;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.EmittedSample;
import dev.spinetrack.simulator.truth.TruthRecorder;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What PROTOCOL.md 8.2 gives for one session, by the simulator's ground-truth code (written
 * from the spec apart from {@code FocusRule}: {@code SpecFocus} decides contact, side and level
 * in integers on raw counts) applied to the samples the device emitted within the session, at
 * the device's own time, with a ball's focus on the region tagged at that instant.
 */
final class SessionOracle {

    private SessionOracle() {
    }

    /**
     * @param emitted the device's samples within the session, in order
     * @param tags    a ball's tags: from which device time (inclusive) which region holds (null: NONE)
     */
    static DeviceTruth expected(List<EmittedSample> emitted, NavigableMap<Long, Region> tags) {
        if (emitted.isEmpty()) {
            throw new IllegalArgumentException("a session with samples has some emitted samples");
        }
        EmittedSample first = emitted.get(0);
        TruthRecorder truth = new TruthRecorder(first.device(), first.capabilities());
        boolean ball = first.capabilities().kind() == DeviceKind.BALL;
        for (EmittedSample s : emitted) {
            Region told = null;
            if (ball) {
                Map.Entry<Long, Region> tag = tags.floorEntry(s.deviceEpochMs());
                told = tag == null ? null : tag.getValue();
            }
            truth.accept(s.frame(), s.deviceEpochMs(), told);
        }
        return truth.snapshot();
    }
}
