package dev.spinetrack.gateway;

import dev.spinetrack.gateway.batch.SampleBatcher;
import dev.spinetrack.gateway.ble.BleCentral;
import dev.spinetrack.gateway.ble.tinyb.TinybCentral;
import dev.spinetrack.gateway.device.Backoff;
import dev.spinetrack.gateway.device.DeviceFilter;
import dev.spinetrack.gateway.device.DeviceFleet;
import dev.spinetrack.gateway.device.DeviceOutput;
import dev.spinetrack.gateway.device.FleetCounters;
import dev.spinetrack.gateway.device.FleetSettings;
import dev.spinetrack.gateway.mqtt.Json;
import dev.spinetrack.gateway.mqtt.MqttOutbox;
import dev.spinetrack.gateway.mqtt.MqttSettings;
import dev.spinetrack.gateway.mqtt.SampleBatchJson;
import dev.spinetrack.gateway.batch.Intake;
import dev.spinetrack.gateway.queue.DurableQueue;
import dev.spinetrack.gateway.queue.IntakeLog;
import dev.spinetrack.gateway.queue.QueueCounters;
import dev.spinetrack.gateway.queue.QueueFullException;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceState;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spinetrack.simulator.Simulation;

import java.io.IOException;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running gateway: devices → reassemble → decode → batch → durable queue → MQTT.
 *
 * <pre>{@code
 * try (Gateway g = Gateway.start(GatewayConfig.defaults()
 *         .withBrokerUrl("tcp://127.0.0.1:1883")
 *         .withSimulation("massage", 1, 10, true, ""))) {
 *     ... g.stats() ...
 * }
 * }</pre>
 *
 * <p>Device LOST status: MQTT allows one will per connection, and it is the gateway's
 * ({@code spinetrack/v1/{gateway}/status} = LOST, retained). While the gateway lives it publishes
 * each device's LOST status itself when the link drops; when the gateway dies, its LWT is the
 * only signal, and subscribers treat every device of a LOST gateway as LOST.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayConfig config;
    private final DurableQueue queue;
    private final MqttOutbox outbox;
    private final SampleBatcher batcher;
    private final IntakeLog intake;
    private final DeviceFleet fleet;
    private final BleCentral central;
    private final ScheduledExecutorService timers;
    private final AtomicLong queueStoreFailures = new AtomicLong();
    private volatile boolean closed;
    private volatile Simulation simulation;
    /** Test instrumentation (the delivery fault suite's record of what was produced); usually null. */
    private final SampleJournal journal = SampleJournal.fromSystemProperty();

    private Gateway(GatewayConfig config, BleCentral central) throws IOException, MqttException {
        this.config = config;
        this.central = central;
        this.queue = DurableQueue.open(config.queueDir(), config.queueMaxBytes(), 16L * 1024 * 1024, config.fsync());
        String gw = config.gatewayId();
        this.outbox = new MqttOutbox(new MqttSettings(config.brokerUrl(), "spinetrack-gateway-" + gw,
                config.username(), config.password(), config.trustStore(), config.trustStorePassword(),
                Topics.gatewayStatus(gw), Json.bytes(GatewayStatus.lost(gw))), queue, config.delivery(), gw);
        this.intake = IntakeLog.open(config.queueDir().resolve("intake"));
        sealRecovered(gw);
        this.batcher = new SampleBatcher(gw, config.batchMaxSamples(), config.batchMaxAge().toNanos(),
                System::nanoTime, System::currentTimeMillis, this::store, new JournaledIntake());
        FleetSettings fs = new FleetSettings(gw, new DeviceFilter(config.allowList(), config.minRssi()),
                config.rateHz(), new Backoff(config.reconnectMin(), config.reconnectMax()),
                config.watchdogPeriods(), config.scanInterval(), config.connectConcurrency());
        this.fleet = new DeviceFleet(central, fs, new Output(), System::currentTimeMillis);
        this.timers = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "gateway-timers-" + gw);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a gateway on the devices the config names: the simulator's when
     * {@link GatewayConfig#simulate()} is set, else this machine's Bluetooth through TinyB.
     *
     * @throws dev.spinetrack.gateway.ble.BleUnavailableException when there is no usable Bluetooth
     * @throws IllegalStateException when the queue directory or broker URL cannot be used
     * @throws IllegalArgumentException when the simulator scenario or fault flags are invalid
     */
    public static Gateway start(GatewayConfig config) {
        if (!config.simulated()) {
            return start(config, TinybCentral.open());
        }
        Simulation sim = SimulatedDevices.start(config);
        Gateway g = start(config, SimulatedDevices.central(sim));
        g.simulation = sim;
        return g;
    }

    /** The simulation feeding this gateway (for its ground truth), when started with {@code simulate}. */
    public Optional<Simulation> simulation() {
        return Optional.ofNullable(simulation);
    }

    /** Starts a gateway on the given central (the gateway closes it). */
    public static Gateway start(GatewayConfig config, BleCentral central) {
        Gateway g;
        try {
            g = new Gateway(config, central);
        } catch (IOException e) {
            central.close();
            throw new IllegalStateException("cannot open the queue in " + config.queueDir() + ": " + e.getMessage(), e);
        } catch (MqttException | IllegalArgumentException e) {
            central.close();
            throw new IllegalStateException("cannot use broker " + config.brokerUrl() + ": " + e.getMessage(), e);
        }
        g.run();
        return g;
    }

    private void run() {
        LOG.info("gateway {} starting: {}", config.gatewayId(), config);
        publishStatus();
        try {
            outbox.start();
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect to broker " + config.brokerUrl() + ": " + e.getMessage(), e);
        }
        // a batch the timer seals waits up to a tick past its age: 1 ms at the default 20 ms
        long tick = Math.max(1, config.batchMaxAge().toMillis() / 20);
        timers.scheduleAtFixedRate(this::sealAged, tick, tick, TimeUnit.MILLISECONDS);
        long status = config.statusInterval().toMillis();
        timers.scheduleAtFixedRate(this::publishStatus, status, status, TimeUnit.MILLISECONDS);
        fleet.start();
    }

    private void sealAged() {
        try {
            batcher.sealAged();
        } catch (RuntimeException e) {
            LOG.error("sealing batches failed", e);
        }
    }

    /**
     * Seals into the queue what a previous run of this gateway held in open batches when it was
     * killed, then forgets it: those samples were decoded, so they must be delivered too. Their
     * batches carry batch number 0 (the counter is for tracing; identity is device, boot, seq).
     */
    private void sealRecovered(String gw) throws IOException {
        // a batcher of its own without intake: these samples are already in the intake log
        SampleBatcher recovery = new SampleBatcher(gw, config.batchMaxSamples(), Long.MAX_VALUE,
                System::nanoTime, System::currentTimeMillis, this::store, Intake.NONE);
        for (IntakeLog.Unsealed u : intake.recovered()) {
            for (Sample s : u.samples()) {
                recovery.add(u.device(), u.boot(), s);
            }
            recovery.sealAll();
        }
        if (recovery.refusedSamples() > 0) {
            LOG.warn("{} sample(s) recovered from open batches were refused by the queue", recovery.refusedSamples());
        }
        intake.forgetRecovered();
    }

    private boolean store(SampleBatch b) {
        try {
            long index = queue.append(Topics.samples(b.gateway(), b.device()), SampleBatchJson.bytes(b),
                    b.samples().size());
            outbox.queued(index, b);
            if (journal != null) {
                journal.queued(b.device(), b.boot() == null ? 0 : b.boot(), b.samples());
            }
            return true;
        } catch (QueueFullException e) {
            long n = queue.counters().rejectedFull();
            if (n == 1 || n % 100 == 0) {
                LOG.warn("{} ({} batch(es) refused so far; they are counted in the gateway status)", e.getMessage(), n);
            }
            return false;
        } catch (IOException e) {
            long n = queueStoreFailures.incrementAndGet();
            LOG.error("writing batch {} of device {} to the queue failed ({} failures): {}", b.batch(), b.device(), n,
                    e.getMessage());
            return false;
        }
    }

    private void publishStatus() {
        try {
            outbox.retain(Topics.gatewayStatus(config.gatewayId()), Json.bytes(status(DeviceState.ONLINE)));
        } catch (RuntimeException e) {
            LOG.error("publishing gateway status failed", e);
        }
    }

    private GatewayStatus status(DeviceState state) {
        GatewayStats s = stats();
        return new GatewayStatus(1, config.gatewayId(), state, System.currentTimeMillis(), s.devices(), s.samplesIn(),
                s.samplesOut(), s.gaps(), s.invalidFrames(), s.queueDepth(), s.reconnects(), outbox.unconfirmed(),
                outbox.oldestAgeMs());
    }

    /** Batches published and not yet confirmed stored by the server (PROTOCOL.md §7.6). */
    public long unconfirmed() {
        return outbox.unconfirmed();
    }

    /** Publications that may await their PUBACK at once: what the broker's CONNACK allows, at most 1,000. */
    public int mqttInFlightLimit() {
        return outbox.inFlightLimit();
    }

    /** Age of the oldest batch in the durable queue, ms; 0 when it is empty. */
    public long queueAgeMs() {
        return outbox.oldestAgeMs();
    }

    /** Counters since start. */
    public GatewayStats stats() {
        FleetCounters f = fleet.counters();
        QueueCounters q = queue.counters();
        return new GatewayStats(f.streaming(), f.samples(), outbox.samplesOut(), f.gaps(), f.duplicates(),
                f.invalidFrames(), q.depth(), q.rejectedFull(), q.tornRecords(), f.reconnects(), outbox.connected());
    }

    /** Counters of one device (12-hex id), or null when the gateway has not found it. */
    public dev.spinetrack.gateway.device.DeviceCounters deviceCounters(String device) {
        return fleet.counters(device);
    }

    public GatewayConfig config() {
        return config;
    }

    /**
     * Stops devices, seals open batches into the queue, publishes OFFLINE statuses, and
     * disconnects. Batches not yet acknowledged stay in the queue for the next start.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Map<String, byte[]> finals = new LinkedHashMap<>();
        for (DeviceStatus s : fleet.stop()) {
            finals.put(Topics.deviceStatus(s.gateway(), s.device()), Json.bytes(s));
        }
        central.close();
        timers.shutdownNow();
        batcher.sealAll();
        drainBriefly();
        finals.put(Topics.gatewayStatus(config.gatewayId()), Json.bytes(status(DeviceState.OFFLINE)));
        outbox.close(finals);
        try {
            queue.close();
            intake.close();
        } catch (IOException e) {
            LOG.warn("closing the queue: {}", e.getMessage());
        }
        GatewayStats s = stats();
        LOG.info("gateway {} stopped: {} samples in, {} out, {} left queued", config.gatewayId(), s.samplesIn(),
                s.samplesOut(), s.queueDepth());
    }

    /** Gives the broker a moment to acknowledge what is queued, so a clean stop leaves little behind. */
    private void drainBriefly() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (outbox.connected() && queue.depth() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Output implements DeviceOutput {
        @Override
        public void sample(String device, long boot, Sample sample) {
            batcher.add(device, boot, sample);
        }

        @Override
        public void arrivalDone(String device) {
            batcher.arrivalDone(device);
        }

        @Override
        public void info(DeviceInfo info) {
            outbox.retain(Topics.info(info.gateway(), info.device()), Json.bytes(info));
        }

        @Override
        public void status(DeviceStatus status) {
            outbox.retain(Topics.deviceStatus(status.gateway(), status.device()), Json.bytes(status));
        }
    }

    /** The intake log, and the fault suite's journal once a sample is safely held. */
    private final class JournaledIntake implements Intake {
        @Override
        public void received(String device, long boot, Sample sample) {
            intake.received(device, boot, sample);
            if (journal != null) {
                journal.received(device, boot, sample);
            }
        }

        @Override
        public void sealed(String device) {
            intake.sealed(device);
        }
    }
}
