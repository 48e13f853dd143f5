package dev.spinetrack.demo;

import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.simulator.scenario.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a person following a ball's scenario script is told to work on next: the script's steps
 * laid end to end, each naming a region (massage steps) or none (rest, exercise). The demo's
 * stand-in user tags the ball with the region of the step it is in, as a person taps "now
 * working on ..." when they start a step. It reads the script, which is the plan, never the
 * simulator's ground truth, which is what the device actually did.
 */
public final class AnnouncedPlan {

    private final long[] ends;
    private final List<Region> regions;
    private final long loopMs;

    /**
     * @param steps  the device's script
     * @param loopMs length of the scenario, after which the demo starts it again
     */
    public AnnouncedPlan(List<Step> steps, long loopMs) {
        if (loopMs <= 0) {
            throw new IllegalArgumentException("loop length must be positive: " + loopMs);
        }
        this.ends = new long[steps.size()];
        this.regions = new ArrayList<>(steps.size());
        long end = 0;
        for (int i = 0; i < steps.size(); i++) {
            end += steps.get(i).durationMs();
            ends[i] = end;
            regions.add(steps.get(i).regionOrNull());
        }
        this.loopMs = loopMs;
    }

    /**
     * The region announced at {@code elapsedMs} of the (looping) scenario; empty during a step that
     * names none or after the script's end.
     */
    public Optional<Region> regionAt(long elapsedMs) {
        if (elapsedMs < 0) {
            return Optional.empty();
        }
        long t = elapsedMs % loopMs;
        for (int i = 0; i < ends.length; i++) {
            if (t < ends[i]) {
                return Optional.ofNullable(regions.get(i));
            }
        }
        return Optional.empty();
    }
}
