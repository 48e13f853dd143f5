package dev.spinetrack.gateway;

import dev.spinetrack.gateway.ble.sim.SimulatedCentral;
import dev.spinetrack.simulator.Simulation;
import dev.spinetrack.simulator.SimulationOptions;

/** Starts the simulator's scenario for {@code --simulate} and puts a central on its peripherals. */
final class SimulatedDevices {

    private SimulatedDevices() {
    }

    /**
     * @throws IllegalArgumentException when the scenario is unknown or invalid, or the fault flags are malformed
     */
    static Simulation start(GatewayConfig config) {
        try {
            // the simulated devices' boot counters live beside the queue, so a restarted gateway
            // powers them on with new boots, as real devices would be (PROTOCOL.md §3.3)
            return Simulation.start(new SimulationOptions(config.simulate(), config.seed(), config.speed(),
                    config.loop(), config.faults(), config.fleet()).withFlashDir(config.queueDir().resolve("simulated-device-flash")));
        } catch (dev.spinetrack.simulator.scenario.ScenarioException e) {
            throw new IllegalArgumentException("scenario '" + config.simulate() + "': " + e.getMessage(), e);
        }
    }

    static SimulatedCentral central(Simulation sim) {
        return new SimulatedCentral(sim::peripherals, sim::close);
    }
}
