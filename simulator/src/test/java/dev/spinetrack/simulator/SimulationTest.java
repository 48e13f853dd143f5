package dev.spinetrack.simulator;

import dev.spinetrack.simulator.central.ReferenceCentral;
import dev.spinetrack.simulator.central.StreamStats;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import dev.spinetrack.simulator.scenario.ScenarioException;
import dev.spinetrack.simulator.truth.DeviceTruth;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clocked runtime: a scheduler thread plays the scenario at real time x speed. */
class SimulationTest {

    private static final String PAIR = TestScenarios.path("short-pair.yaml");

    private static List<ReferenceCentral> centrals(Simulation sim, int mtu) {
        List<ReferenceCentral> out = new ArrayList<>();
        long start = sim.scenario().startEpoch();
        for (VirtualPeripheral p : sim.peripherals()) {
            out.add(new ReferenceCentral(p, mtu, () -> sim.elapsed().toMillis(), () -> start + sim.elapsed().toMillis()));
        }
        return out;
    }

    @Test
    void playsAtSpeedToCentralsOnItsOwnThreadAndItsTruthMatchesWhatArrived() throws Exception {
        try (Simulation sim = Simulation.start(new SimulationOptions(PAIR, 9, 100, false, ""))) {
            List<ReferenceCentral> centrals = centrals(sim, 23);
            for (ReferenceCentral c : centrals) {
                assertTrue(c.ensureConnected());
            }
            assertTrue(sim.awaitFinished(Duration.ofSeconds(60)));
            assertTrue(sim.finished());

            for (int i = 0; i < centrals.size(); i++) {
                DeviceTruth truth = sim.groundTruth().devices().get(i);
                StreamStats s = StreamStats.of(centrals.get(i).received());
                assertEquals(truth.samples(), s.frames());
                assertEquals(0, s.missing() + s.duplicates() + s.decodeErrors());
                List<Playback.TimedFrame> frames = new Playback.DeviceCapture("", "", centrals.get(i).capabilities(),
                        centrals.get(i).received(), List.of()).frames();
                IndependentTruth again = IndependentTruth.of(frames, centrals.get(i).capabilities(), truth.regionSpans());
                again.regions.forEach((region, stats) ->
                        assertEquals(stats.dwellMs(), truth.regions().get(region).dwellMs(), region + " dwell"));
                assertFalse(truth.regions().isEmpty());
            }
        }
    }

    @Test
    void aDisconnectFaultDropsTheLinkAndTheDeviceCanBeReconnectedAfterItAdvertisesAgain() throws Exception {
        try (Simulation sim = Simulation.start(new SimulationOptions(PAIR, 9, 10, false, "disconnect=4s"))) {
            List<ReferenceCentral> centrals = centrals(sim, 247);
            for (ReferenceCentral c : centrals) {
                c.ensureConnected();
            }
            // the clock runs in real time: on a starved machine it may pass the fault before we connected
            org.junit.jupiter.api.Assumptions.assumeTrue(sim.elapsed().toMillis() < 3000,
                    "connected only at " + sim.elapsed() + " of scenario time, after the fault");
            boolean sawNotAdvertising = false;
            while (!sim.finished()) {
                for (ReferenceCentral c : centrals) {
                    c.ensureConnected();
                }
                if (!centrals.get(1).disconnects().isEmpty() && !sim.peripherals().get(1).advertising()) {
                    sawNotAdvertising = true;
                }
                Thread.sleep(2);
            }
            for (ReferenceCentral c : centrals) {
                assertEquals(1, c.disconnects().size());
                StreamStats s = StreamStats.of(c.received());
                assertEquals(0, s.missing(), "sequence numbers continue across the reconnect");
                assertTrue(s.lastSeq() > 500, "streamed again after reconnecting");
            }
            assertTrue(sawNotAdvertising, "silent for a while after the drop");
            assertEquals(2, sim.groundTruth().faults().size());
        }
    }

    @Test
    void closingPowersTheDevicesOffWithAReason() throws Exception {
        List<String> reasons = new ArrayList<>();
        Simulation sim = Simulation.start(new SimulationOptions("studio", 1, 1, true, ""));
        VirtualPeripheral p = sim.peripherals().get(0);
        p.connect(247).onDisconnect(reasons::add);
        assertFalse(sim.awaitFinished(Duration.ofMillis(50)), "a looping scenario never finishes");

        sim.close();

        assertEquals(List.of("device powered off (simulation closed)"), reasons);
        assertFalse(p.advertising());
        assertThrows(GattException.class, () -> p.connect(247));
    }

    @Test
    void anUnknownScenarioIsRejectedWithTheChoices() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Simulation.start(new SimulationOptions("nope", 1, 1, false, "")));
        assertTrue(e.getMessage().contains("massage"), e.getMessage());
    }
}
