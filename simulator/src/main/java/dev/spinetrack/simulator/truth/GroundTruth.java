package dev.spinetrack.simulator.truth;

import java.util.List;

/**
 * Ground truth of one run.
 *
 * @param scenario   scenario name
 * @param seed       random seed
 * @param devices    one entry per simulated device
 * @param faults     every injected fault, in time order
 */
public record GroundTruth(String scenario, long seed, List<DeviceTruth> devices, List<InjectedFault> faults) {
    public GroundTruth {
        devices = List.copyOf(devices);
        faults = List.copyOf(faults);
    }
}
