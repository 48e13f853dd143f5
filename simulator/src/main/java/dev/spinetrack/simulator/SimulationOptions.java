package dev.spinetrack.simulator;

import java.util.Objects;

/**
 * How to run a scenario.
 *
 * @param scenario bundled scenario name or path to a scenario file
 * @param seed     random seed; the same scenario and seed give the same bytes
 * @param speed    virtual-clock speed-up (1 = real time, 60 = an hour a minute)
 * @param loop     restart the scenario when it ends (demo mode)
 * @param faults   fault flags given on top of the scenario's own, e.g. {@code drop=2%,corrupt=0.1%};
 *                 empty for none
 */
public record SimulationOptions(String scenario, long seed, double speed, boolean loop, String faults) {
    public SimulationOptions {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(faults, "faults");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, was " + speed);
        }
    }
}
