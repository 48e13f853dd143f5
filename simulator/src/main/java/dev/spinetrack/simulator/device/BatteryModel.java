package dev.spinetrack.simulator.device;

import dev.spinetrack.simulator.fault.DeviceFaults;

import java.util.ArrayList;
import java.util.List;

/** Battery level over scenario time: a linear drain, plus injected falls to a low level. */
final class BatteryModel {

    private final double start;
    private final double drainPerMs;
    private final List<DeviceFaults.BatteryFall> falls;
    private int reportedFalls;
    private int lastNotified = -1;

    BatteryModel(double startPercent, double drainPerHour, List<DeviceFaults.BatteryFall> falls) {
        this.start = startPercent;
        this.drainPerMs = drainPerHour / 3_600_000.0;
        this.falls = List.copyOf(falls);
    }

    /** Percent at scenario time {@code t}, rounded, [0, 100]. */
    int percent(double t) {
        double offset = 0;
        for (DeviceFaults.BatteryFall f : falls) {
            if (f.atMs() > t) {
                break;
            }
            double before = start - drainPerMs * f.atMs() - offset;
            if (before > f.percent()) {
                offset += before - f.percent();
            }
        }
        double level = start - drainPerMs * t - offset;
        return (int) Math.max(0, Math.min(100, Math.round(level)));
    }

    /** Falls that happened before {@code t} and were not yet returned. */
    List<DeviceFaults.BatteryFall> falls(long t) {
        List<DeviceFaults.BatteryFall> out = new ArrayList<>(0);
        while (reportedFalls < falls.size() && falls.get(reportedFalls).atMs() < t) {
            out.add(falls.get(reportedFalls++));
        }
        return out;
    }

    /** Whether {@code level} differs from the last notified one; remembers it. */
    boolean changed(int level) {
        boolean c = level != lastNotified;
        lastNotified = level;
        return c;
    }
}
