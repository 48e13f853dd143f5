package dev.spinetrack.gateway.device;

import dev.spinetrack.gateway.ble.BleCentral;
import dev.spinetrack.gateway.ble.BleException;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.protocol.mqtt.DeviceState;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Keeps one device connected: waits for a connect slot, connects and runs the handshake,
 * frees the slot, streams until the link drops or the stream goes silent for
 * {@code watchdogPeriods} sample periods, then reconnects after a jittered exponential
 * backoff. Time spent waiting for a slot is neither a failed attempt nor silence: the backoff
 * grows only with failures and the watchdog starts with the stream. Logs one line per connect
 * and per disconnect.
 */
final class DeviceSupervisor implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSupervisor.class);
    private static final long WATCHDOG_FLOOR_MS = 250;

    private final BleCentral central;
    private final ConnectSlots connectSlots;
    private final FleetPulse pulse;
    private final String address;
    private final String name;
    private final String device;
    private final FleetSettings settings;
    private final DeviceOutput output;
    private final LongSupplier wallClock;
    private final SequenceTracker sequence = new SequenceTracker();
    private final DeviceCounters counters = new DeviceCounters();
    private final SplittableRandom random = new SplittableRandom();
    private volatile boolean running = true;
    private volatile boolean streaming;
    private volatile DeviceSession session;
    private Integer lastRssi;

    DeviceSupervisor(BleCentral central, ConnectSlots connectSlots, FleetPulse pulse, String address, String name,
                     int rssi, FleetSettings settings, DeviceOutput output, LongSupplier wallClock) {
        this.central = central;
        this.pulse = pulse;
        this.connectSlots = connectSlots;
        this.address = address;
        this.name = name;
        this.device = Topics.deviceIdOf(address);
        this.settings = settings;
        this.output = output;
        this.wallClock = wallClock;
        this.lastRssi = rssi;
    }

    @Override
    public void run() {
        int attempt = 0;
        while (running) {
            String reason;
            try {
                DeviceSession s = connect();
                session = s;
                streaming = true;
                LOG.info("device {} ({}) connected: streaming at {} Hz", device, name, s.rateHz());
                output.status(status(DeviceState.ONLINE, s.rebootedFrom() >= 0
                        ? "connected; rebooted: boot " + s.rebootedFrom() + " -> " + sequence.boot() : "connected"));
                long before = counters.samples();
                reason = watch(s);
                if (counters.samples() > before) {
                    // only a link that delivered data resets the backoff: a device that connects
                    // but stays silent is retried ever more slowly
                    attempt = 0;
                }
                streaming = false;
                session = null;
                s.close();
            } catch (BleException e) {
                reason = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                break;
            } catch (RuntimeException e) {
                reason = "unexpected error: " + e;
                LOG.error("device {}: unexpected error, reconnecting", device, e);
            }
            if (!running) {
                break;
            }
            LOG.info("device {} ({}) disconnected: {}", device, name, reason);
            output.status(status(DeviceState.LOST, reason));
            Duration wait = settings.backoff().delay(attempt++, random);
            counters.reconnects.incrementAndGet();
            sleep(wait.toMillis());
        }
    }

    /** Connects and runs the handshake in a connect slot, waiting for one first. */
    private DeviceSession connect() throws BleException, InterruptedException {
        try (ConnectSlots.Slot slot = connectSlots.acquire()) {
            if (!running) {
                throw new InterruptedException("gateway stopping");
            }
            return DeviceSession.open(central.connect(address, GattProfile.MAX_MTU), settings.gateway(), name,
                    settings.rateHz(), output, sequence, counters, wallClock);
        }
    }

    /**
     * Waits for the link to end or the stream to go silent (as {@link FleetPulse} judges it:
     * not while the whole fleet is silent with it); returns why it ended.
     */
    private String watch(DeviceSession s) {
        long silentMs = Math.max(WATCHDOG_FLOOR_MS, settings.watchdogPeriods() * 1000L / s.rateHz());
        FleetPulse.Stream self = s::lastValueNanos;
        pulse.streaming(self);
        try {
            return watch(s, self, silentMs);
        } finally {
            pulse.ended(self);
        }
    }

    private String watch(DeviceSession s, FleetPulse.Stream self, long silentMs) {
        while (running) {
            try {
                return s.ended().get(silentMs / 4 + 1, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                String dead = pulse.silence(self, silentMs, System.nanoTime());
                if (dead != null) {
                    return dead;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "gateway stopping";
            } catch (ExecutionException e) {
                return "link error: " + e.getCause();
            }
        }
        return "gateway stopping";
    }

    private DeviceStatus status(DeviceState state, String reason) {
        return new DeviceStatus(1, settings.gateway(), device, state, wallClock.getAsLong(), sequence.battery(), lastRssi,
                reason);
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops reconnecting and disconnects; the final status is OFFLINE. */
    DeviceStatus stop() {
        running = false;
        DeviceSession s = session;
        if (s != null) {
            s.close();
        }
        return status(DeviceState.OFFLINE, "gateway stopped");
    }

    String device() {
        return device;
    }

    boolean streaming() {
        return streaming;
    }

    DeviceCounters counters() {
        return counters;
    }
}
