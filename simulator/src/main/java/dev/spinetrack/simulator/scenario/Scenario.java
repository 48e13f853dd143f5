package dev.spinetrack.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A scenario: devices, their scripts and faults, as data (YAML or JSON).
 *
 * @param name         short name, e.g. {@code massage}
 * @param description  one or two sentences for {@code describe}
 * @param startEpochMs the wall-clock instant the scenario starts at (epoch ms); device time
 *                     of a device no central set the clock of counts from here. 0 for the
 *                     default, {@link #DEFAULT_START_EPOCH_MS}
 * @param devices      the simulated devices
 * @param faults       faults the scenario injects by itself
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Scenario(String name, String description, long startEpochMs, List<DeviceScript> devices,
                       List<FaultSpec> faults) {

    /** 2026-01-05T08:00:00Z: the start when a scenario names none. */
    public static final long DEFAULT_START_EPOCH_MS = 1_767_600_000_000L;

    public Scenario {
        devices = devices == null ? List.of() : List.copyOf(devices);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** The start instant, epoch ms. */
    public long startEpoch() {
        return startEpochMs > 0 ? startEpochMs : DEFAULT_START_EPOCH_MS;
    }

    /** Length of the longest device script, milliseconds. */
    public long durationMs() {
        long max = 0;
        for (DeviceScript d : devices) {
            max = Math.max(max, d.durationMs());
        }
        return max;
    }
}
