package dev.spinetrack.simulator.fault;

import dev.spinetrack.simulator.scenario.FaultSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultPlanTest {

    @Test
    void parsesEveryFlag() {
        FaultPlan plan = FaultPlan.of(List.of(), "drop=2%, corrupt=0.5%,duplicate=1,disconnect=90s,"
                + "drift=-150ppm,low-battery=2min:3%,stall=60s+500ms", 1);
        DeviceFaults f = plan.forDevice(0, 1, 600_000);
        assertEquals(0.02, f.dropRate(), 1e-12);
        assertEquals(0.005, f.corruptRate(), 1e-12);
        assertEquals(0.01, f.duplicateRate(), 1e-12);
        assertEquals(List.of(90_000L), f.disconnectsMs());
        assertEquals(-150, f.driftPpm());
        assertEquals(List.of(new DeviceFaults.BatteryFall(120_000, 3)), f.lowBattery());
        assertEquals(List.of(new DeviceFaults.Stall(60_000, 500)), f.stalls());
    }

    @Test
    void aRandomDisconnectFallsInsideTheScenarioAndDependsOnTheSeed() {
        FaultPlan plan = FaultPlan.of(List.of(), "disconnect=random", 1);
        long a = plan.forDevice(0, 1, 100_000).disconnectsMs().get(0);
        long b = plan.forDevice(0, 2, 100_000).disconnectsMs().get(0);
        assertTrue(a >= 20_000 && a <= 80_000, "at " + a);
        assertTrue(a != b);
        assertEquals(a, plan.forDevice(0, 1, 100_000).disconnectsMs().get(0));
    }

    @Test
    void scenarioFaultsCanTargetOneDevice() {
        FaultPlan plan = FaultPlan.of(List.of(new FaultSpec("stall", 1, null, 10.0, 2.0, null)), "", 2);
        assertTrue(plan.forDevice(0, 1, 60_000).stalls().isEmpty());
        assertEquals(1, plan.forDevice(1, 1, 60_000).stalls().size());
        assertThrows(IllegalArgumentException.class,
                () -> FaultPlan.of(List.of(new FaultSpec("stall", 5, null, 10.0, 2.0, null)), "", 2));
    }

    @Test
    void badFlagsSayWhatIsWrong() {
        assertMessage("drop", "is not key=value");
        assertMessage("explode=1", "unknown fault 'explode'");
        assertMessage("drop=lots", "'lots' is not a number");
        assertMessage("stall=5s", "stall is <at>+<duration>");
        assertMessage("drop=120%", "percent in [0, 100]");
    }

    private static void assertMessage(String flags, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultPlan.of(List.of(), flags, 1));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
