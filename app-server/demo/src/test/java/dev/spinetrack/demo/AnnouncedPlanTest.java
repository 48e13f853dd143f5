package dev.spinetrack.demo;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.simulator.scenario.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnnouncedPlanTest {

    private static Step step(String activity, double seconds, String region) {
        return new Step(activity, seconds, region, null, 0, 0, 0, null);
    }

    private final AnnouncedPlan plan = new AnnouncedPlan(List.of(
            step("rest", 10, null),
            step("roll", 60, "MID_THORACIC_LEFT"),
            step("hold", 20, "MID_THORACIC_RIGHT"),
            step("cat-cow", 30, null)), 200_000);

    @Test
    void eachStepAnnouncesItsRegionFromItsFirstMillisecond() {
        assertEquals(Optional.empty(), plan.regionAt(9_999));
        assertEquals(Optional.of(Region.MID_THORACIC_LEFT), plan.regionAt(10_000));
        assertEquals(Optional.of(Region.MID_THORACIC_LEFT), plan.regionAt(69_999));
        assertEquals(Optional.of(Region.MID_THORACIC_RIGHT), plan.regionAt(70_000));
        assertEquals(Optional.empty(), plan.regionAt(90_000));
    }

    @Test
    void afterTheScriptNothingIsAnnouncedAndTheLoopStartsAgain() {
        assertEquals(Optional.empty(), plan.regionAt(150_000));
        assertEquals(Optional.empty(), plan.regionAt(-1));
        assertEquals(Optional.of(Region.MID_THORACIC_LEFT), plan.regionAt(200_000 + 10_000));
    }

    @Test
    void aLoopMustHaveALength() {
        assertThrows(IllegalArgumentException.class, () -> new AnnouncedPlan(List.of(), 0));
    }
}
