package dev.spinetrack.simulator;

import dev.spinetrack.simulator.truth.GroundTruthJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminismTest {

    @Test
    void theSameScenarioAndSeedGiveTheSameBytesAndTruth() {
        SimulationOptions options = new SimulationOptions("studio", 42, 60, false, "drop=1%,duplicate=1%,corrupt=1%");
        Playback a = Simulation.runToCompletion(options, 23);
        Playback b = Simulation.runToCompletion(options, 23);

        assertEquals(a.sha256(), b.sha256());
        assertEquals(GroundTruthJson.toJson(a.truth()), GroundTruthJson.toJson(b.truth()));
    }

    @Test
    void aFleetNumberGivesOtherDeviceIdsAndOtherwiseTheSameStream() {
        Playback a = Simulation.runToCompletion(new SimulationOptions("studio", 5, 60, false, ""), 247);
        Playback b = Simulation.runToCompletion(new SimulationOptions("studio", 5, 60, false, "", 513), 247);

        for (int i = 0; i < a.devices().size(); i++) {
            assertNotEquals(a.devices().get(i).deviceId(), b.devices().get(i).deviceId());
            assertEquals(a.devices().get(i).frames(), b.devices().get(i).frames());
        }
        assertTrue(a.devices().get(0).address().startsWith("C0:FF:EE:"));
        assertEquals(a.devices().size(), a.devices().stream().map(Playback.DeviceCapture::deviceId).distinct().count());
    }

    @Test
    void anotherSeedGivesOtherBytes() {
        Playback a = Simulation.runToCompletion(new SimulationOptions("mobilization", 1, 60, false, ""), 247);
        Playback b = Simulation.runToCompletion(new SimulationOptions("mobilization", 2, 60, false, ""), 247);

        assertNotEquals(a.sha256(), b.sha256());
        assertEquals(a.truth().devices().get(0).samples(), b.truth().devices().get(0).samples(),
                "the seed changes noise, not the script");
    }
}
