package dev.spinetrack.simulator;

import dev.spinetrack.simulator.device.DeviceFlash;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import dev.spinetrack.simulator.scenario.Scenario;
import dev.spinetrack.simulator.scenario.ScenarioCatalog;
import dev.spinetrack.simulator.truth.EmittedSample;
import dev.spinetrack.simulator.truth.GroundTruth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running simulation: the scenario's virtual peripherals on a virtual clock that runs at
 * real time x speed on one scheduler thread of its own. Peripherals advertise at once;
 * devices stream only after a central writes START_STREAM. GATT callbacks run on the
 * scheduler thread.
 * <pre>
 * try (Simulation sim = Simulation.start(new SimulationOptions("massage", 1, 60, false, ""))) {
 *     for (VirtualPeripheral p : sim.peripherals()) { ... p.connect(247) ... }
 *     sim.awaitFinished(Duration.ofMinutes(1));
 *     GroundTruth truth = sim.groundTruth();
 * }
 * </pre>
 * For a run with no waiting at all, see {@link #runToCompletion(SimulationOptions, int)}.
 */
public final class Simulation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);
    /** How often the scheduler moves the virtual clock, wall ms. */
    static final long TICK_MS = 5;

    private final VirtualWorld world;
    private final SimulationOptions options;
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final long startNanos;
    private volatile Thread schedulerThread;

    private Simulation(Scenario scenario, SimulationOptions options) {
        this.options = options;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-" + scenario.name());
            t.setDaemon(true);
            schedulerThread = t;
            return t;
        });
        this.world = new VirtualWorld(scenario, options.seed(), options.loop(), options.faults(), options.fleet(),
                DeviceFlash.in(options.flashDir()), task -> {
            try {
                scheduler.execute(task);
            } catch (RejectedExecutionException e) {
                LOG.debug("simulation {} closed; dropped a late GATT operation", scenario.name());
            }
        });
        this.startNanos = System.nanoTime();
        scheduler.scheduleAtFixedRate(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Loads the scenario (bundled name, file path or {@code load:<devices>x<rateHz>}) and starts it.
     *
     * @throws dev.spinetrack.simulator.scenario.ScenarioException when the scenario is unknown or invalid
     * @throws IllegalArgumentException when the fault flags are malformed
     */
    public static Simulation start(SimulationOptions options) {
        Scenario scenario = ScenarioCatalog.load(options.scenario());
        LOG.info("simulation {} started: {} device(s), {} s of scenario at {}x, seed {}", scenario.name(),
                scenario.devices().size(), scenario.durationMs() / 1000, options.speed(), options.seed());
        return new Simulation(scenario, options);
    }

    /**
     * Plays a whole scenario at once, without waiting, with a reference central per device
     * that connects at the given MTU, sets the time and starts the stream (and reconnects
     * after a disconnect fault). Same options, same bytes.
     */
    public static Playback runToCompletion(SimulationOptions options, int mtu) {
        return ScenarioPlayback.run(options, mtu);
    }

    /** The scenario being played. */
    public Scenario scenario() {
        return world.scenario();
    }

    /** The virtual peripherals, in scenario order. */
    public List<VirtualPeripheral> peripherals() {
        return List.copyOf(world.devices());
    }

    /** Virtual time since the scenario start. */
    public Duration elapsed() {
        return Duration.ofMillis(world.nowMs());
    }

    /** Whether the scenario has ended. */
    public boolean finished() {
        return world.finished();
    }

    /** Waits until the scenario ends; false on timeout (always, when looping). */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Hands every sample a device emits from now on to {@code watcher} (on the simulation
     * thread): what an oracle needs beyond the ground truth's totals. Devices stream only once a
     * central started them, so a watcher added before any central connects sees every sample.
     */
    public void onEmitted(Consumer<EmittedSample> watcher) {
        world.onEmitted(watcher);
    }

    /** Ground truth of what the devices emitted so far (final once finished). */
    public GroundTruth groundTruth() {
        return world.groundTruth();
    }

    /** Stops the clock and powers the devices off (links drop with a reason). */
    @Override
    public void close() {
        if (Thread.currentThread() == schedulerThread) {
            world.close();
        } else {
            try {
                scheduler.submit(world::close).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                world.close();
            }
        }
        scheduler.shutdownNow();
        LOG.info("simulation {} closed at {} s of scenario", world.scenario().name(), world.nowMs() / 1000);
    }

    private void tick() {
        try {
            double wallMs = (System.nanoTime() - startNanos) / 1e6;
            world.advanceTo((long) Math.floor(wallMs * options.speed()));
            if (world.finished() && finished.getCount() > 0) {
                LOG.info("simulation {} finished", world.scenario().name());
                finished.countDown();
            }
        } catch (RuntimeException e) {
            LOG.error("simulation {} failed at {} ms: {}", world.scenario().name(), world.nowMs(), e.toString(), e);
            finished.countDown();
            throw e;
        }
    }
}
