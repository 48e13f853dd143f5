package dev.spinetrack.gateway;

import dev.spinetrack.gateway.ble.BleCentral;

/** Builds a central over the simulator's virtual devices for {@code --simulate}. */
final class SimulatedDevices {

    private SimulatedDevices() {
    }

    static BleCentral central(GatewayConfig config) {
        throw new IllegalStateException("--simulate needs the simulator's Simulation, which this build does not have yet");
    }
}
