package dev.spinetrack.simulator;

import java.nio.file.Path;
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
 * @param fleet    0..65535: gives the devices other BLE addresses (hence device ids) than
 *                 another fleet number, so repeated or concurrent runs against one broker or
 *                 database do not share (device, seq) keys; 0 for the default addresses
 *                 {@code C0:FF:EE:xx:00:01...}
 */
public record SimulationOptions(String scenario, long seed, double speed, boolean loop, String faults, int fleet,
                                Path flashDir) {
    public SimulationOptions {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(faults, "faults");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, was " + speed);
        }
        if (fleet < 0 || fleet > 0xFFFF) {
            throw new IllegalArgumentException("fleet must be in [0, 65535], was " + fleet);
        }
    }

    /** Options whose devices keep their boot counters in memory. */
    public SimulationOptions(String scenario, long seed, double speed, boolean loop, String faults, int fleet) {
        this(scenario, seed, speed, loop, faults, fleet, null);
    }

    /**
     * The same options with the devices' boot counters kept in files under {@code dir}, so a
     * simulation started again continues them (see {@link dev.spinetrack.simulator.device.DeviceFlash}).
     */
    public SimulationOptions withFlashDir(Path dir) {
        return new SimulationOptions(scenario, seed, speed, loop, faults, fleet, dir);
    }

    /** Options with the default device addresses (fleet 0). */
    public SimulationOptions(String scenario, long seed, double speed, boolean loop, String faults) {
        this(scenario, seed, speed, loop, faults, 0);
    }
}
