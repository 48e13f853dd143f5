package dev.spinetrack.simulator;

import dev.spinetrack.simulator.device.DeviceFlash;
import dev.spinetrack.simulator.device.DeviceHost;
import dev.spinetrack.simulator.device.VirtualDevice;
import dev.spinetrack.simulator.fault.FaultPlan;
import dev.spinetrack.simulator.scenario.Scenario;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.EmittedSample;
import dev.spinetrack.simulator.truth.GroundTruth;
import dev.spinetrack.simulator.truth.InjectedFault;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The deterministic core: a scenario's devices on a virtual clock that only moves when told
 * to, in connection events of {@link #CONNECTION_INTERVAL_MS}. The same scenario, seed and
 * central behaviour give the same bytes. {@link Simulation} drives it from a scheduler in
 * real time x speed; {@link ScenarioPlayback} drives it as fast as it can.
 */
public final class VirtualWorld implements DeviceHost {

    /** BLE connection interval of every simulated link: frames due within it share notifications. */
    public static final long CONNECTION_INTERVAL_MS = 20;

    private final Object lock = new Object();
    private final Scenario scenario;
    /** The scenario's length, asked for by every device event: summing all scripts each time cost O(devices) per event. */
    private final long scenarioMs;
    private final long seed;
    private final boolean loop;
    private final Executor executor;
    private final List<VirtualDevice> devices = new ArrayList<>();
    private final List<InjectedFault> faults = new ArrayList<>();
    private final List<Consumer<EmittedSample>> watchers = new CopyOnWriteArrayList<>();
    private long now;
    private boolean closed;

    /**
     * @param scenario  the scenario
     * @param seed      noise and fault seed
     * @param loop      restart the scenario when it ends
     * @param faultFlags fault flags on top of the scenario's faults
     * @param executor  where control-point writes and link closes run (the simulation thread)
     */
    public VirtualWorld(Scenario scenario, long seed, boolean loop, String faultFlags, Executor executor) {
        this(scenario, seed, loop, faultFlags, 0, executor);
    }

    /**
     * @param fleet 0..65535, folded into the device addresses (see {@link SimulationOptions#fleet()})
     */
    public VirtualWorld(Scenario scenario, long seed, boolean loop, String faultFlags, int fleet, Executor executor) {
        this(scenario, seed, loop, faultFlags, fleet, DeviceFlash.inMemory(), executor);
    }

    /**
     * @param flash the devices' boot counters; creating the world powers every device on
     */
    public VirtualWorld(Scenario scenario, long seed, boolean loop, String faultFlags, int fleet, DeviceFlash flash,
                        Executor executor) {
        this.scenario = scenario;
        this.seed = seed;
        this.loop = loop;
        this.executor = executor;
        this.scenarioMs = scenario.durationMs();
        FaultPlan plan = FaultPlan.of(scenario.faults(), faultFlags, scenario.devices().size());
        int prefix = Math.floorMod(scenario.name().hashCode(), 256);
        for (int i = 0; i < scenario.devices().size(); i++) {
            String address = String.format("C0:%02X:%02X:%02X:%02X:%02X", 0xFF ^ (fleet >> 8), 0xEE ^ (fleet & 0xFF),
                    prefix, ((i + 1) >> 8) & 0xFF, (i + 1) & 0xFF);
            devices.add(new VirtualDevice(this, i, address, scenario.devices().get(i), seed, scenario.startEpoch(),
                    plan.forDevice(i, seed, scenario.durationMs()), flash));
        }
    }

    /** The scenario. */
    public Scenario scenario() {
        return scenario;
    }

    /** The devices, in scenario order. */
    public List<VirtualDevice> devices() {
        return devices;
    }

    @Override
    public Object lock() {
        return lock;
    }

    @Override
    public long nowMs() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public void submit(Runnable task) {
        executor.execute(task);
    }

    @Override
    public void recordFault(InjectedFault fault) {
        synchronized (lock) {
            faults.add(fault);
        }
    }

    @Override
    public long scenarioMs() {
        return scenarioMs;
    }

    @Override
    public boolean loop() {
        return loop;
    }

    @Override
    public boolean closed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * Hands every sample a device emits from now on to {@code watcher}, on the simulation
     * thread, in emission order per device (for oracles; see {@link EmittedSample}).
     */
    public void onEmitted(Consumer<EmittedSample> watcher) {
        watchers.add(watcher);
    }

    @Override
    public boolean watched() {
        return !watchers.isEmpty();
    }

    @Override
    public void emitted(EmittedSample sample) {
        for (Consumer<EmittedSample> w : watchers) {
            w.accept(sample);
        }
    }

    /** Whether the scenario is over (never, when looping). */
    public boolean finished() {
        synchronized (lock) {
            return !loop && now >= scenarioMs;
        }
    }

    /** Runs every whole connection event up to scenario time {@code targetMs}. */
    public void advanceTo(long targetMs) {
        synchronized (lock) {
            while (!closed && now + CONNECTION_INTERVAL_MS <= targetMs && !finished()) {
                long to = now + CONNECTION_INTERVAL_MS;
                for (VirtualDevice d : devices) {
                    d.runEvent(now, to);
                }
                now = to;
            }
        }
    }

    /** Ground truth of what the devices emitted so far. */
    public GroundTruth groundTruth() {
        synchronized (lock) {
            List<DeviceTruth> truths = devices.stream().map(VirtualDevice::truth).toList();
            List<InjectedFault> sorted = new ArrayList<>(faults);
            sorted.sort(Comparator.comparingLong(InjectedFault::atMs));
            return new GroundTruth(scenario.name(), seed, truths, sorted);
        }
    }

    /** Powers the devices off: links drop, nothing advertises. */
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            devices.forEach(VirtualDevice::powerOff);
        }
    }
}
