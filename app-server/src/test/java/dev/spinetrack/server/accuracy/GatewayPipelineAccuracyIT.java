package dev.spinetrack.server.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.server.engine.tracking.PressureSketch;
import dev.spinetrack.testing.Await;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import dev.spinetrack.simulator.scenario.DeviceScript;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.EmittedSample;
import dev.spinetrack.simulator.truth.RegionTruth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenarios through the real pipeline (simulator devices, gateway with SET_TIME,
 * {@code FrameConverter} and batching, broker over TCP, server, database), balls tagged over
 * the API while they run, and every session's figures from the API against
 * {@link SessionOracle}. Tolerances, and why:
 * <ul>
 *   <li>dwell per region, data-gap time, samples per session: none; PROTOCOL.md 8.2 defines
 *       them exactly in integer device milliseconds and counts;</li>
 *   <li>peak focus pressure: none; both sides take the maximum of the same decimal values
 *       ({@code raw x scaleMilli / 1000}, 7.2);</li>
 *   <li>mean focus pressure: 1e-9 relative; it is a quotient of sums of doubles, which the server
 *       adds in another order (per batch, per rollup) than the oracle, so the last bits may differ;</li>
 *   <li>p95: the server keeps a sketch of stated relative accuracy
 *       ({@link PressureSketch#RELATIVE_ACCURACY}), not every sample.</li>
 * </ul>
 * The scenarios run accelerated (the device clock, hence device time, runs faster than the
 * wall; every sample still crosses every stage of the pipeline in real time).
 */
class GatewayPipelineAccuracyIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    /**
     * @param guided a program the studio's first ball runs (its steps tag), or empty: every ball tagged by hand
     */
    @ParameterizedTest(name = "{0} at {1}x, guided: {2}")
    @CsvSource({"studio, 8, massage-routine", "massage, 32, ''"})
    void sessionsThroughTheGatewayMatchTheOracle(String scenario, double speed, String guided) throws Exception {
        try (PipelineRig rig = new PipelineRig(scenario, speed)) {
            Simulation sim = rig.simulation();
            List<BallUser> users = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            Map<String, DeviceScript> scripts = new HashMap<>();
            List<VirtualPeripheral> devices = sim.peripherals();
            for (int i = 0; i < devices.size(); i++) {
                String device = Topics.deviceIdOf(devices.get(i).advertisement().address());
                DeviceScript script = sim.scenario().devices().get(i);
                scripts.put(device, script);
                if (script.kind() == DeviceKind.BALL) {
                    String program = users.isEmpty() && !guided.isBlank() ? guided : null;
                    BallUser user = new BallUser(rig, device, script, program);
                    Thread t = new Thread(user, "ball-user-" + device);
                    t.start();
                    users.add(user);
                    threads.add(t);
                }
            }
            assertTrue(sim.awaitFinished(LIMIT), scenario + " did not finish within " + LIMIT);
            for (Thread t : threads) {
                t.join(LIMIT.toMillis());
            }
            for (BallUser u : users) {
                assertNull(u.failure(), () -> "ball user failed: " + u.failure());
            }
            long emitted = scripts.keySet().stream().mapToLong(d -> rig.emitted(d).size()).sum();
            Await.until("all " + emitted + " emitted samples are stored", LIMIT, () -> rig.storedSamples() == emitted);
            for (BallUser u : users) {
                u.stop();
            }
            for (DeviceKind kind : List.of(DeviceKind.RACK, DeviceKind.BALL)) {
                for (Map.Entry<String, DeviceScript> e : scripts.entrySet()) {
                    if (e.getValue().kind() == kind) {
                        checkDevice(rig, scenario, e.getKey(), kind, sim);
                    }
                }
            }
        }
    }

    /** Every session of a device against the oracle; a rack's totals also against the whole run's truth. */
    private static void checkDevice(PipelineRig rig, String scenario, String device, DeviceKind kind, Simulation sim) {
        List<EmittedSample> emitted = rig.emitted(device);
        Map<Region, Long> dwell = new EnumMap<>(Region.class);
        long inSessions = 0;
        for (JsonNode listed : rig.get("/api/sessions?device=" + device + "&limit=1000")) {
            JsonNode detail = rig.get("/api/sessions/" + listed.path("id").asLong());
            JsonNode session = detail.path("session");
            String who = scenario + " " + kind + " " + device + " session " + session.path("id").asLong();
            if (session.path("samples").asLong() == 0) {
                continue;
            }
            long firstT = session.path("firstT").asLong();
            long lastT = session.path("lastT").asLong();
            List<EmittedSample> within = emitted.stream()
                    .filter(s -> s.deviceEpochMs() >= firstT && s.deviceEpochMs() <= lastT).toList();
            assertEquals(within.size(), session.path("samples").asLong(), who + ": samples");
            inSessions += within.size();
            DeviceTruth want = SessionOracle.expected(within, tags(detail.path("marks")));
            Map<Region, JsonNode> have = new EnumMap<>(Region.class);
            detail.path("regions").forEach(r -> have.put(Region.valueOf(r.path("region").asText()), r));
            for (Region region : Region.values()) {
                RegionTruth w = want.regions().get(region);
                JsonNode h = have.get(region);
                long haveDwell = h == null ? 0 : h.path("dwellMs").asLong();
                assertEquals(w == null ? 0 : w.dwellMs(), haveDwell, who + " " + region + ": dwell ms");
                dwell.merge(region, haveDwell, Long::sum);
                if (w == null || w.dwellMs() == 0) {
                    continue;
                }
                assertEquals(w.peakPressure(), h.path("peakPressure").asDouble(), 0.0, who + " " + region + ": peak");
                assertEquals(w.meanPressure(), h.path("meanPressure").asDouble(), 1e-9 * w.meanPressure(),
                        who + " " + region + ": mean");
                assertEquals(w.p95Pressure(), h.path("p95Pressure").asDouble(),
                        PressureSketch.RELATIVE_ACCURACY * w.p95Pressure(), who + " " + region + ": p95");
            }
            assertEquals(want.gapMs(), session.path("gapMs").asLong(), who + ": data-gap ms");
        }
        assertTrue(inSessions > 0 || kind == DeviceKind.BALL, device + " has tracked samples");
        DeviceTruth whole = sim.groundTruth().devices().stream().filter(d -> d.device().equals(device))
                .findFirst().orElseThrow();
        assertEquals(whole.samples(), emitted.size(), device + ": the watcher saw every emitted sample");
        if (kind == DeviceKind.RACK) {
            // contact opens the sessions, so they hold every sample that dwells
            for (Region region : Region.values()) {
                RegionTruth w = whole.regions().get(region);
                assertEquals(w == null ? 0 : w.dwellMs(), (long) dwell.getOrDefault(region, 0L),
                        scenario + " rack " + device + " " + region + ": dwell over all sessions vs the run's truth");
            }
        } else if (!whole.regions().isEmpty()) {
            // The figures above are exact for the tags as given. When the user's tags take
            // effect is the server's call (the device's next sample it tracks, so a server behind
            // on ingest stamps them early against the script): here only that tagging reached
            // the tracking at all.
            long tagged = dwell.values().stream().mapToLong(Long::longValue).sum();
            assertTrue(tagged > 0, () -> scenario + " ball " + device + ": tagged dwell; script"
                    + scriptChanges(emitted) + ", tags" + allTags(rig, device));
        }
    }

    /** Where the script moved the ball, in device time (for failure messages). */
    private static String scriptChanges(List<EmittedSample> emitted) {
        StringBuilder out = new StringBuilder();
        Region last = null;
        for (EmittedSample s : emitted) {
            if (s.scriptedRegion() != last || out.length() == 0) {
                out.append(' ').append(s.deviceEpochMs()).append('=').append(s.scriptedRegion());
                last = s.scriptedRegion();
            }
        }
        return out.toString();
    }

    private static String allTags(PipelineRig rig, String device) {
        StringBuilder out = new StringBuilder();
        for (JsonNode listed : rig.get("/api/sessions?device=" + device + "&limit=1000")) {
            out.append(" session ").append(listed.path("id").asLong()).append(':')
                    .append(tags(rig.get("/api/sessions/" + listed.path("id").asLong()).path("marks")));
        }
        return out.toString();
    }

    private static NavigableMap<Long, Region> tags(JsonNode marks) {
        NavigableMap<Long, Region> tags = new TreeMap<>();
        for (JsonNode m : marks) {
            if ("TAG".equals(m.path("kind").asText())) {
                JsonNode r = m.path("region");
                tags.put(m.path("atMs").asLong(), r.isNull() || r.isMissingNode() ? null : Region.valueOf(r.asText()));
            }
        }
        return tags;
    }
}
