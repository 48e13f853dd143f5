package dev.spinetrack.simulator.device;

import dev.spinetrack.simulator.truth.EmittedSample;
import dev.spinetrack.simulator.truth.InjectedFault;

/** What a device needs from the world it runs in: the virtual clock and its thread. */
public interface DeviceHost {

    /** Lock every device operation holds. */
    Object lock();

    /** Virtual time, ms since the scenario start. */
    long nowMs();

    /** Runs a task on the simulation's thread (or at once, in playback). */
    void submit(Runnable task);

    /** Records an injected fault. */
    void recordFault(InjectedFault fault);

    /** Length of the scenario, ms. */
    long scenarioMs();

    /** Whether the scenario restarts when it ends. */
    boolean loop();

    /** Whether the simulation was closed. */
    boolean closed();

    /** Whether anyone watches the emitted samples (so devices build them only then). */
    default boolean watched() {
        return false;
    }

    /** Hands an emitted sample to whoever watches (see {@link #watched()}). */
    default void emitted(EmittedSample sample) {
    }
}
