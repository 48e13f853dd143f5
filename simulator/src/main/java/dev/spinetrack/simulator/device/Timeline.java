package dev.spinetrack.simulator.device;

import dev.spinetrack.simulator.scenario.Step;

import java.util.List;

/** A device script laid out on scenario time: which step runs at a given millisecond. */
public final class Timeline {

    /** The step at some instant and how far into it. */
    public record At(int index, Step step, long startMs, long offsetMs) {
    }

    private final List<Step> steps;
    private final long[] starts;
    private final long duration;

    public Timeline(List<Step> steps) {
        this.steps = List.copyOf(steps);
        this.starts = new long[steps.size()];
        long t = 0;
        for (int i = 0; i < steps.size(); i++) {
            starts[i] = t;
            t += steps.get(i).durationMs();
        }
        this.duration = t;
    }

    /** Total length, ms. */
    public long durationMs() {
        return duration;
    }

    /** The step at scenario time {@code ms}, or {@code null} at or after the end. */
    public At at(double ms) {
        if (ms < 0 || ms >= duration) {
            return null;
        }
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= ms) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new At(lo, steps.get(lo), starts[lo], (long) Math.floor(ms - starts[lo]));
    }

    /** Start of step {@code i}, ms. */
    public long startOf(int i) {
        return starts[i];
    }

    /** The steps. */
    public List<Step> steps() {
        return steps;
    }
}
