package dev.spinetrack.server.testing;

import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.session.SessionDetail;
import dev.spinetrack.server.session.SessionService;
import dev.spinetrack.simulator.truth.RegionSpan;
import dev.spinetrack.server.engine.tracking.PressureSketch;
import dev.spinetrack.server.engine.tracking.RegionStats;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.RegionTruth;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Compares tracked region statistics with the simulator's ground truth. */
public final class TruthAssert {

    private TruthAssert() {
    }

    /**
     * Tags a ball's session with the scenario's scripted regions (a ball's region comes from its
     * tags), then asserts the session tracked every sample of the run and matches its truth.
     */
    public static void sessionMatches(SessionService sessions, String user, long sessionId,
                                      ScenarioSamples.DeviceRun run, String who) {
        if (run.info().kind() == DeviceKind.BALL) {
            for (RegionSpan span : run.scriptedSpans()) {
                sessions.tagRegion(sessionId, span.region(), span.fromMs());
                sessions.tagRegion(sessionId, null, span.toMs());
            }
        }
        SessionDetail d = sessions.session(user, sessionId);
        assertEquals(run.samples().size(), d.session().samples(), who + ": samples tracked");
        matches(run.truth(), d.regions(), who);
    }

    /** Dwell within max(0.5 %, 50 ms), mean and peak within 0.1 %, p95 within the sketch's accuracy. */
    public static void matches(DeviceTruth truth, List<RegionStats> tracked, String who) {
        Map<Region, RegionStats> got = new EnumMap<>(Region.class);
        tracked.forEach(r -> got.put(r.region(), r));
        for (Map.Entry<Region, RegionTruth> e : truth.regions().entrySet()) {
            RegionTruth want = e.getValue();
            RegionStats have = got.get(e.getKey());
            String where = who + " " + e.getKey();
            assertNotNull(have, where + " tracked");
            assertEquals(want.dwellMs(), have.dwellMs(), Math.max(0.005 * want.dwellMs(), 50), where + " dwell");
            assertEquals(want.meanPressure(), have.meanPressure(), 0.001 * want.meanPressure() + 1e-9, where + " mean");
            assertEquals(want.peakPressure(), have.peakPressure(), 0.001 * want.peakPressure() + 1e-9, where + " peak");
            assertEquals(want.p95Pressure(), have.p95Pressure(),
                    PressureSketch.RELATIVE_ACCURACY * want.p95Pressure() + 1e-9, where + " p95");
        }
        for (RegionStats r : tracked) {
            if (r.dwellMs() > 0 && !truth.regions().containsKey(r.region())) {
                throw new AssertionError(who + " " + r.region() + " has " + r.dwellMs() + " ms dwell, truth has none");
            }
        }
    }
}
