package dev.spinetrack.simulator;

import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.region.Focus;
import dev.spinetrack.protocol.region.FocusRule;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.simulator.scenario.Activity;
import dev.spinetrack.simulator.scenario.Scenario;
import dev.spinetrack.simulator.scenario.ScenarioCatalog;
import dev.spinetrack.simulator.scenario.Step;
import dev.spinetrack.simulator.truth.SetTruth;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emitted signals look like what the script says a body did. */
class SignalPlausibilityTest {

    private static double[] units(Playback.TimedFrame f, DeviceCapabilities caps) {
        double[] p = new double[f.frame().channelCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = caps.toUnits(f.frame().pressure(i));
        }
        return p;
    }

    /** Frames from 3 s into a step to 1 s before its end, so ramps are left out. */
    private static List<Playback.TimedFrame> within(List<Playback.TimedFrame> frames, long from, long to) {
        long t0 = frames.get(0).epochMs();
        return frames.stream().filter(f -> f.epochMs() - t0 >= from + 3000 && f.epochMs() - t0 < to - 1000).toList();
    }

    @Test
    void theRackPressureCentroidFollowsTheScriptedLevelWithABreathingRipple() {
        Scenario scenario = ScenarioCatalog.load("rack-decompression");
        Playback p = Simulation.runToCompletion(new SimulationOptions("rack-decompression", 4, 60, false, ""), 247);
        DeviceCapabilities caps = p.devices().get(0).capabilities();
        List<Playback.TimedFrame> frames = p.devices().get(0).frames();
        long start = 0;
        for (Step step : scenario.devices().get(0).script()) {
            long end = start + step.durationMs();
            if (step.kind() == Activity.LIE) {
                double min = Double.MAX_VALUE;
                double max = 0;
                for (Playback.TimedFrame f : within(frames, start, end)) {
                    double[] u = units(f, caps);
                    Focus focus = FocusRule.rackFocus(u, caps.cells()).orElseThrow();
                    assertEquals(step.levelOrNull().code(), focus.centroidLevel(), 0.45, "centroid at " + step.level());
                    assertEquals(step.lean() < 0 ? Side.LEFT : Side.RIGHT, focus.region().side());
                    double total = java.util.Arrays.stream(u).sum();
                    assertEquals(step.pressure(), total, step.pressure() * 0.12, "body load on the rack");
                    min = Math.min(min, total);
                    max = Math.max(max, total);
                }
                assertTrue(max - min > step.pressure() * 0.06, "breathing ripple of about +-6 %");
            }
            start = end;
        }
    }

    @Test
    void theBallFollowsTheStrokesAndTenderSpotsTakeMorePressureInRoundTwo() {
        Scenario scenario = ScenarioCatalog.load("massage");
        Playback p = Simulation.runToCompletion(new SimulationOptions("massage", 4, 60, false, ""), 247);
        DeviceCapabilities caps = p.devices().get(0).capabilities();
        List<Playback.TimedFrame> frames = p.devices().get(0).frames();
        long start = 0;
        List<Double> holds = new java.util.ArrayList<>();
        for (Step step : scenario.devices().get(0).script()) {
            long end = start + step.durationMs();
            List<Playback.TimedFrame> part = within(frames, start, end);
            double mean = part.stream().mapToDouble(f -> units(f, caps)[0]).average().orElseThrow();
            if (step.kind() == Activity.ROLL || step.kind() == Activity.HOLD) {
                assertEquals(step.pressure(), mean, step.pressure() * 0.06, step.label());
            } else {
                assertTrue(mean < caps.contactThreshold(), "no contact while resting");
            }
            if (step.kind() == Activity.HOLD) {
                holds.add(mean);
            }
            start = end;
        }
        assertTrue(holds.get(2) > holds.get(0) && holds.get(3) > holds.get(1), "holds " + holds);
        int firstBattery = frames.get(0).frame().battery();
        int lastBattery = frames.stream().filter(f -> f.frame().hasBattery()).reduce((a, b) -> b).orElseThrow()
                .frame().battery();
        assertTrue(lastBattery < firstBattery, "the battery drains: " + firstBattery + " -> " + lastBattery);
    }

    @Test
    void mobilizationTiltCyclesOncePerRepAndTheTruthHasTheScriptedSets() {
        Playback p = Simulation.runToCompletion(new SimulationOptions("mobilization", 8, 60, false, ""), 247);
        List<Playback.TimedFrame> frames = p.devices().get(0).frames();
        List<SetTruth> sets = p.truth().devices().get(0).sets();
        assertEquals(List.of(8, 10, 6, 7, 9, 6), sets.stream().map(SetTruth::reps).toList());
        for (SetTruth set : sets) {
            boolean pitch = set.exercise().equals("cat-cow");
            int cycles = 0;
            boolean low = true;
            for (Playback.TimedFrame f : frames) {
                if (f.epochMs() < set.fromMs() || f.epochMs() >= set.toMs()) {
                    continue;
                }
                double angle = pitch ? f.frame().pitchDegrees() : f.frame().rollDegrees();
                double other = pitch ? f.frame().rollDegrees() : f.frame().pitchDegrees();
                assertTrue(Math.abs(other) < 2, "the other axis stays still");
                if (low && angle > 12) {
                    cycles++;
                    low = false;
                } else if (angle < -12) {
                    low = true;
                }
            }
            assertEquals(set.reps(), cycles, set.exercise() + " cycles");
        }
        assertTrue(p.truth().devices().get(0).regions().isEmpty(), "no contact while mobilizing");
    }
}
