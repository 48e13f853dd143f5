package dev.spinetrack.gateway.device;

import dev.spinetrack.gateway.ble.BleConnection;
import dev.spinetrack.gateway.ble.BleException;
import dev.spinetrack.protocol.DecodeError;
import dev.spinetrack.protocol.DecodeResult;
import dev.spinetrack.protocol.gatt.BootRecord;
import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.ControlResult;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.protocol.gatt.PacketReassembler;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One streaming connection to a device: runs the handshake (discover, read capabilities,
 * SET_TIME, SET_RATE, subscribe, START_STREAM), then turns notifications into samples.
 * Bad fragments and frames are counted and skipped; they never end the session.
 */
public final class DeviceSession {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);
    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(3);

    private final BleConnection link;
    private final String device;
    private final DeviceOutput output;
    private final SequenceTracker sequence;
    private final DeviceCounters counters;
    private final PacketReassembler reassembler = new PacketReassembler();
    private final BlockingQueue<byte[]> controlResults = new ArrayBlockingQueue<>(16);
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private volatile long lastValueNanos = System.nanoTime();
    private FrameConverter converter;
    private DeviceCapabilities caps;
    private int rateHz;
    private boolean hasBootRecord;
    private long rebootedFrom = -1;

    private DeviceSession(BleConnection link, DeviceOutput output, SequenceTracker sequence, DeviceCounters counters) {
        this.link = link;
        this.device = Topics.deviceIdOf(link.address());
        this.output = output;
        this.sequence = sequence;
        this.counters = counters;
    }

    /**
     * Runs the handshake on a fresh link.
     *
     * @param requestedRate the rate to set, or null to pick the device's lowest rate at or above 50 Hz
     * @throws BleException when the device does not speak the profile or refuses a command;
     *                      the link is closed
     */
    static DeviceSession open(BleConnection link, String gateway, String name, Integer requestedRate,
                              DeviceOutput output, SequenceTracker sequence, DeviceCounters counters,
                              LongSupplier wallClock) throws BleException {
        DeviceSession s = new DeviceSession(link, output, sequence, counters);
        link.onDisconnect(s.ended::complete);
        try {
            s.handshake(gateway, name, requestedRate, wallClock);
            return s;
        } catch (BleException | RuntimeException e) {
            link.close();
            throw e;
        }
    }

    private void handshake(String gateway, String name, Integer requestedRate, LongSupplier wallClock)
            throws BleException {
        if (!link.discoverServices().contains(GattProfile.SERVICE)) {
            throw new BleException(link.address() + " does not offer the SpineTrack service " + GattProfile.SERVICE);
        }
        byte[] raw = link.read(GattProfile.SERVICE, GattProfile.CAPABILITIES);
        DecodeResult<DeviceCapabilities> decoded = CapabilitiesCodec.decode(raw);
        if (decoded.errorOrNull() != null) {
            throw new BleException(link.address() + " sent an invalid capability record: " + decoded.errorOrNull());
        }
        caps = decoded.orThrow();
        long bootCount = readBoot();
        long previousBoot = sequence.startBoot(bootCount);
        if (previousBoot >= 0) {
            rebootedFrom = previousBoot;
            LOG.info("device {}: rebooted (boot {} -> {}); its sequence restarts, both streams are kept", device,
                    previousBoot, bootCount);
        }
        rateHz = requestedRate != null ? clamp(requestedRate) : clamp(Math.max(50, caps.minRateHz()));
        link.subscribe(GattProfile.SERVICE, GattProfile.CONTROL_POINT, v -> {
            if (!controlResults.offer(v)) {
                LOG.warn("device {}: control-point indication dropped, too many unanswered", device);
            }
        });
        // After a reconnect a device's clock (simulated ones run faster than the wall) may be ahead
        // of ours; never set it behind what it already sent, so device time stays monotonic.
        long base = Math.max(wallClock.getAsLong(), sequence.lastTime() + 1);
        command(new ControlCommand.SetTime(base));
        command(new ControlCommand.SetRate(rateHz));
        converter = new FrameConverter(caps, base, wallClock);
        link.subscribe(GattProfile.SERVICE, GattProfile.SAMPLE_STREAM, this::onNotification);
        DeviceInfo info = DeviceInfo.of(gateway, device, name, rateHz, caps);
        output.info(hasBootRecord ? info.withBoot(bootCount) : info);
        lastValueNanos = System.nanoTime();
        command(new ControlCommand.StartStream());
    }

    /** The device's boot counter (PROTOCOL.md §3.3); 0 for a device without the Boot record. */
    private long readBoot() {
        byte[] raw;
        try {
            raw = link.read(GattProfile.SERVICE, GattProfile.BOOT_RECORD);
        } catch (BleException e) {
            if (sequence.boot() < 0) { // once per device, not at every reconnect
                LOG.info("device {}: no boot record ({}); sample identity holds within one power-on only", device,
                        e.getMessage());
            }
            return 0;
        }
        DecodeResult<BootRecord> r = BootRecord.decode(raw);
        if (r.errorOrNull() != null) {
            counters.invalid.incrementAndGet();
            LOG.warn("device {}: invalid boot record ({}); using boot 0", device, r.errorOrNull());
            return 0;
        }
        long n = r.orThrow().bootCount();
        if (n > SampleBatch.MAX_BOOT) {
            LOG.warn("device {}: boot counter {} is beyond what MQTT carries; using boot 0", device, n);
            return 0;
        }
        hasBootRecord = true;
        return n;
    }

    /** The boot the device reported at the previous connection when it rebooted since, else -1. */
    long rebootedFrom() {
        return rebootedFrom;
    }

    private int clamp(int hz) {
        return Math.max(caps.minRateHz(), Math.min(caps.maxRateHz(), hz));
    }

    private void command(ControlCommand c) throws BleException {
        link.write(GattProfile.SERVICE, GattProfile.CONTROL_POINT, ControlCodec.encode(c));
        long deadline = System.nanoTime() + CONTROL_TIMEOUT.toNanos();
        while (true) {
            byte[] v;
            try {
                v = controlResults.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BleException(c.opcode() + " to " + device + " interrupted");
            }
            if (v == null) {
                throw new BleException(device + " did not answer " + c.opcode() + " within "
                        + CONTROL_TIMEOUT.toMillis() + " ms");
            }
            DecodeResult<ControlResult> r = ControlCodec.decodeResult(v);
            if (r.errorOrNull() != null) {
                counters.invalid.incrementAndGet();
                LOG.warn("device {}: invalid control-point result skipped: {}", device, r.errorOrNull());
                continue;
            }
            ControlResult result = r.orThrow();
            if (result.requestOpcode() != c.opcode().code()) {
                continue;
            }
            if (!result.succeeded()) {
                throw new BleException(device + " refused " + c.opcode() + ": " + result.result());
            }
            return;
        }
    }

    private void onNotification(byte[] value) {
        lastValueNanos = System.nanoTime();
        PacketReassembler.Outcome o;
        synchronized (reassembler) {
            o = reassembler.accept(value);
            for (DecodeError e : o.errors()) {
                long n = counters.invalid.incrementAndGet();
                if (n <= 10 || n % 1000 == 0) {
                    LOG.warn("device {}: invalid data skipped ({} so far): {}", device, n, e);
                }
            }
            for (SampleFrame f : o.frames()) {
                long seq = sequence.unwrap(f.sequence());
                long missing = sequence.advance(seq);
                if (missing == SequenceTracker.REPEAT) {
                    counters.duplicates.incrementAndGet();
                    continue;
                }
                if (missing > 0) {
                    counters.gaps.addAndGet(missing);
                    LOG.info("device {}: {} sample(s) missing before seq {}", device, missing, seq);
                }
                Sample sample = converter.convert(f, seq);
                sequence.sampleTime(sample.t());
                if (f.hasBattery()) {
                    sequence.battery(f.battery());
                }
                counters.samples.incrementAndGet();
                output.sample(device, sequence.boot(), sample);
            }
            if (!o.frames().isEmpty()) {
                output.arrivalDone(device);
            }
        }
    }

    /** Device id (12 hex digits). */
    public String device() {
        return device;
    }

    /** Rate set on the device. */
    public int rateHz() {
        return rateHz;
    }

    /** The link's end: completes with the reason when it drops. */
    CompletableFuture<String> ended() {
        return ended;
    }

    /** Nanos (System.nanoTime) of the last notification. */
    long lastValueNanos() {
        return lastValueNanos;
    }

    /** Disconnects. */
    void close() {
        link.close();
    }
}
