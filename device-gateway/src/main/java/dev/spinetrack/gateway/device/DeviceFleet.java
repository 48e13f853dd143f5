package dev.spinetrack.gateway.device;

import dev.spinetrack.gateway.ble.BleAdvertisement;
import dev.spinetrack.gateway.ble.BleCentral;
import dev.spinetrack.gateway.ble.BleException;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * All devices of the gateway: scans periodically, starts a {@link DeviceSupervisor} (with its
 * own thread) for every new accepted device, and sums their counters.
 */
public final class DeviceFleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceFleet.class);
    private static final Duration SCAN_WINDOW = Duration.ofSeconds(1);

    private final BleCentral central;
    private final FleetSettings settings;
    private final DeviceOutput output;
    private final LongSupplier wallClock;
    private final ConnectSlots connectSlots;
    private final FleetPulse pulse = new FleetPulse();
    private final Map<String, DeviceSupervisor> supervisors = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Thread scanner;
    private volatile boolean running = true;

    public DeviceFleet(BleCentral central, FleetSettings settings, DeviceOutput output, LongSupplier wallClock) {
        this.central = central;
        this.settings = settings;
        this.output = output;
        this.wallClock = wallClock;
        this.connectSlots = new ConnectSlots(settings.connectConcurrency());
        this.scanner = new Thread(this::scanLoop, "ble-scan");
        scanner.setDaemon(true);
    }

    public void start() {
        scanner.start();
    }

    private void scanLoop() {
        String lastError = null;
        while (running) {
            try {
                for (BleAdvertisement ad : central.scan(SCAN_WINDOW)) {
                    if (running && settings.filter().accepts(ad) && !supervisors.containsKey(ad.address())) {
                        startSupervisor(ad);
                    }
                }
                lastError = null;
            } catch (BleException e) {
                if (!e.getMessage().equals(lastError)) {
                    LOG.warn("BLE scan failed, will retry: {}", e.getMessage());
                }
                lastError = e.getMessage();
            }
            try {
                Thread.sleep(settings.scanInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void startSupervisor(BleAdvertisement ad) {
        if (!running) {
            return;
        }
        LOG.info("device {} ({}) found, RSSI {} dBm", ad.address(), ad.name(), ad.rssi());
        DeviceSupervisor s = new DeviceSupervisor(central, connectSlots, pulse, ad.address(), ad.name(), ad.rssi(),
                settings, output, wallClock);
        supervisors.put(ad.address(), s);
        Thread t = new Thread(s, "device-" + s.device());
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Devices streaming now. */
    public int streaming() {
        return (int) supervisors.values().stream().filter(DeviceSupervisor::streaming).count();
    }

    /** The most devices that were ever connecting at once (at most the connect concurrency). */
    public int connectingPeak() {
        return connectSlots.peak();
    }

    /** Devices waiting for their turn to connect now. */
    public int waitingToConnect() {
        return connectSlots.waiting();
    }

    /** Sums of every device's counters. */
    public FleetCounters counters() {
        long samples = 0;
        long gaps = 0;
        long dups = 0;
        long invalid = 0;
        long reconnects = 0;
        for (DeviceSupervisor s : supervisors.values()) {
            DeviceCounters c = s.counters();
            samples += c.samples();
            gaps += c.gaps();
            dups += c.duplicates();
            invalid += c.invalidFrames();
            reconnects += c.reconnects();
        }
        return new FleetCounters(supervisors.size(), streaming(), samples, gaps, dups, invalid, reconnects);
    }

    /** Counters of one device (12-hex id), or null when unknown. */
    public DeviceCounters counters(String device) {
        for (DeviceSupervisor s : supervisors.values()) {
            if (s.device().equals(device)) {
                return s.counters();
            }
        }
        return null;
    }

    /** Stops every device; returns their final OFFLINE statuses. */
    public synchronized List<DeviceStatus> stop() {
        running = false;
        scanner.interrupt();
        List<DeviceStatus> finals = new ArrayList<>();
        for (DeviceSupervisor s : supervisors.values()) {
            finals.add(s.stop());
        }
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return finals;
    }

    @Override
    public void close() {
        stop();
    }
}
