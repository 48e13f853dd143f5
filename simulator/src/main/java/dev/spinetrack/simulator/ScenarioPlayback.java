package dev.spinetrack.simulator;

import dev.spinetrack.simulator.central.ReferenceCentral;
import dev.spinetrack.simulator.device.VirtualDevice;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.scenario.Scenario;
import dev.spinetrack.simulator.scenario.ScenarioCatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The fast path: plays a scenario on a {@link VirtualWorld} with no waiting, one
 * {@link ReferenceCentral} per device connected from time 0 (SET_TIME = scenario start +
 * scenario time, START_STREAM; reconnecting as soon as a dropped device advertises again).
 */
public final class ScenarioPlayback {

    private ScenarioPlayback() {
    }

    /** Plays the whole scenario; {@code options.speed()} is irrelevant here, looping is refused. */
    public static Playback run(SimulationOptions options, int mtu) {
        if (options.loop()) {
            throw new IllegalArgumentException("a looping scenario never completes; play it with Simulation.start");
        }
        Scenario scenario = ScenarioCatalog.load(options.scenario());
        VirtualWorld world = new VirtualWorld(scenario, options.seed(), false, options.faults(), options.fleet(),
                Runnable::run);
        List<ReferenceCentral> centrals = new ArrayList<>();
        for (VirtualDevice d : world.devices()) {
            centrals.add(new ReferenceCentral(d, mtu, world::nowMs, () -> scenario.startEpoch() + world.nowMs()));
        }
        try {
            while (!world.finished()) {
                for (ReferenceCentral c : centrals) {
                    c.ensureConnected();
                }
                world.advanceTo(world.nowMs() + VirtualWorld.CONNECTION_INTERVAL_MS);
            }
        } catch (GattException e) {
            throw new IllegalStateException("reference central failed: " + e.getMessage(), e);
        }
        List<Playback.DeviceCapture> captures = new ArrayList<>();
        for (int i = 0; i < centrals.size(); i++) {
            VirtualDevice d = world.devices().get(i);
            ReferenceCentral c = centrals.get(i);
            captures.add(new Playback.DeviceCapture(d.advertisement().address(), d.deviceId(), c.capabilities(),
                    c.received(), c.disconnects()));
        }
        Playback result = new Playback(options, mtu, captures, world.groundTruth());
        world.close();
        return result;
    }
}
