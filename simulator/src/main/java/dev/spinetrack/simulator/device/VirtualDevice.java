package dev.spinetrack.simulator.device;

import dev.spinetrack.protocol.DecodeErrorKind;
import dev.spinetrack.protocol.DecodeResult;
import dev.spinetrack.protocol.gatt.BootRecord;
import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.ControlResult;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.protocol.gatt.ResultCode;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.simulator.fault.DeviceFaults;
import dev.spinetrack.simulator.fault.FaultType;
import dev.spinetrack.simulator.fault.PacketFaults;
import dev.spinetrack.simulator.gatt.Advertisement;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.GattLink;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;
import dev.spinetrack.simulator.scenario.DeviceScript;
import dev.spinetrack.simulator.truth.DeviceTruth;
import dev.spinetrack.simulator.truth.EmittedSample;
import dev.spinetrack.simulator.truth.InjectedFault;
import dev.spinetrack.simulator.truth.TruthRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A simulated rack or ball: advertises, accepts one central at a time, serves its capability
 * record and battery level, executes control-point commands with indicated results, and
 * while streaming emits its scripted samples as sample-stream notifications packed for the
 * link's MTU. Device state (sequence numbers, clock, rate) survives a lost link.
 * All state is guarded by the host's lock; time only moves in {@link #runEvent}.
 */
public final class VirtualDevice implements VirtualPeripheral {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualDevice.class);
    /** Time a device waits after a lost link before it advertises again, ms. */
    public static final long READVERTISE_MS = 2000;

    private final DeviceHost host;
    private final int index;
    private final String address;
    private final String deviceId;
    private final String name;
    private final DeviceCapabilities caps;
    private final Timeline timeline;
    private final SignalModel signal;
    private final DeviceFaults faults;
    private final PacketFaults packetFaults;
    private final DeviceClock clock;
    private final TruthRecorder truth;
    private final BatteryModel battery;
    private final SetTracker sets;

    private DeviceLink link;
    private long advertiseFromMs;
    private boolean streaming;
    private boolean tared;
    private int rateHz;
    private long gridOriginUs;
    private long gridIndex;
    private long seq;
    private int nextDisconnect;
    private int nextStall;
    private int nextReboot;
    private final DeviceFlash flash;
    private long bootCount;

    public VirtualDevice(DeviceHost host, int index, String address, DeviceScript script, long seed,
                         long startEpoch, DeviceFaults faults) {
        this(host, index, address, script, seed, startEpoch, faults, DeviceFlash.inMemory());
    }

    /**
     * @param flash keeps the power-on counter; this constructor is a power-on and raises it
     */
    public VirtualDevice(DeviceHost host, int index, String address, DeviceScript script, long seed,
                         long startEpoch, DeviceFaults faults, DeviceFlash flash) {
        this.host = host;
        this.index = index;
        this.address = address;
        this.deviceId = Topics.deviceIdOf(address);
        this.name = script.advertisedName();
        this.caps = DeviceProfiles.of(script.kind());
        this.timeline = new Timeline(script.script());
        this.signal = new SignalModel(caps, seed, index);
        this.faults = faults;
        this.packetFaults = new PacketFaults(faults, seed, index);
        this.clock = new DeviceClock(startEpoch, faults.driftPpm());
        this.truth = new TruthRecorder(deviceId, caps);
        this.battery = new BatteryModel(script.initialBattery(), script.drainPercentPerHour(), faults.lowBattery());
        this.sets = new SetTracker(timeline);
        this.rateHz = script.initialRateHz();
        this.flash = flash;
        this.bootCount = flash.powerOn(deviceId);
        if (faults.driftPpm() != 0) {
            record(0, FaultType.CLOCK_DRIFT, "device clock runs at " + faults.driftPpm() + " ppm");
        }
    }

    /** Index in the scenario. */
    public int index() {
        return index;
    }

    /** Device id as in MQTT topics. */
    public String deviceId() {
        return deviceId;
    }

    /** Its power-on counter (PROTOCOL.md §3.3). */
    public long bootCount() {
        synchronized (host.lock()) {
            return bootCount;
        }
    }

    /** The capability record it serves. */
    public DeviceCapabilities capabilities() {
        return caps;
    }

    @Override
    public Advertisement advertisement() {
        double t = host.nowMs();
        int rssi = -52 - 2 * (index % 10) + (int) Math.round(3 * Math.sin(t / 7000.0 + index));
        return new Advertisement(address, name, rssi, List.of(GattProfile.SERVICE, GattProfile.BATTERY_SERVICE));
    }

    @Override
    public boolean advertising() {
        synchronized (host.lock()) {
            return link == null && !host.closed() && host.nowMs() >= advertiseFromMs;
        }
    }

    @Override
    public GattLink connect(int requestedMtu) throws GattException {
        synchronized (host.lock()) {
            if (host.closed()) {
                throw new GattException(address + " is powered off (simulation closed)");
            }
            if (link != null) {
                throw new GattException(address + " is connected to another central");
            }
            if (host.nowMs() < advertiseFromMs) {
                throw new GattException(address + " is not advertising yet (lost its link "
                        + (READVERTISE_MS - (advertiseFromMs - host.nowMs())) + " ms ago)");
            }
            int mtu = Math.max(GattProfile.DEFAULT_MTU, Math.min(requestedMtu, GattProfile.MAX_MTU));
            link = new DeviceLink(this, mtu);
            LOG.debug("device {} connected, MTU {}", deviceId, mtu);
            return link;
        }
    }

    byte[] read(UUID service, UUID characteristic) throws GattException {
        synchronized (host.lock()) {
            if (GattProfile.SERVICE.equals(service) && GattProfile.CAPABILITIES.equals(characteristic)) {
                return CapabilitiesCodec.encode(caps);
            }
            if (GattProfile.SERVICE.equals(service) && GattProfile.BOOT_RECORD.equals(characteristic)) {
                return new BootRecord(bootCount).encode();
            }
            if (GattProfile.BATTERY_SERVICE.equals(service) && GattProfile.BATTERY_LEVEL.equals(characteristic)) {
                return new byte[] {(byte) battery.percent(host.nowMs())};
            }
            throw new GattException("characteristic " + characteristic + " of service " + service + " is not readable");
        }
    }

    void submit(Runnable task) {
        host.submit(() -> {
            synchronized (host.lock()) {
                task.run();
            }
        });
    }

    /** Executes a control-point write and indicates the result (on the simulation thread). */
    void control(DeviceLink from, byte[] value) {
        if (from != link) {
            return;
        }
        int op = value.length == 0 ? 0 : value[0] & 0xFF;
        DecodeResult<ControlCommand> decoded = ControlCodec.decodeCommand(value);
        ResultCode rc;
        if (decoded.isOk()) {
            rc = execute(decoded.orThrow());
        } else {
            rc = decoded.errorOrNull().kind() == DecodeErrorKind.UNKNOWN_OPCODE
                    ? ResultCode.OPCODE_NOT_SUPPORTED : ResultCode.INVALID_PARAMETER;
            LOG.debug("device {} rejected control write: {}", deviceId, decoded.errorOrNull());
        }
        from.deliver(GattProfile.CONTROL_POINT, ControlCodec.encode(new ControlResult(op, rc)));
    }

    private ResultCode execute(ControlCommand c) {
        long now = host.nowMs();
        if (c instanceof ControlCommand.StartStream) {
            if (!streaming) {
                streaming = true;
                restartGrid(now * 1000L);
            }
        } else if (c instanceof ControlCommand.StopStream) {
            streaming = false;
        } else if (c instanceof ControlCommand.SetRate r) {
            if (r.hz() < caps.minRateHz() || r.hz() > caps.maxRateHz()) {
                return ResultCode.INVALID_PARAMETER;
            }
            rateHz = r.hz();
            restartGrid(Math.max(now * 1000L, nextSampleUs()));
        } else if (c instanceof ControlCommand.Tare t) {
            if (t.channel() != ControlCommand.Tare.ALL_CHANNELS && t.channel() >= caps.channelCount()) {
                return ResultCode.INVALID_PARAMETER;
            }
            tared = true;
        } else if (c instanceof ControlCommand.SetTime t) {
            clock.set(t.epochMillis(), now);
        }
        return ResultCode.SUCCESS;
    }

    /** The central closed the link, or a fault dropped it. */
    void linkLost(DeviceLink which, String reason, boolean fault) {
        if (which != link) {
            return;
        }
        link = null;
        streaming = false;
        advertiseFromMs = host.nowMs() + (fault ? READVERTISE_MS : 0);
        which.drop(reason);
    }

    /** Runs one connection event covering scenario time [fromMs, toMs). */
    public void runEvent(long fromMs, long toMs) {
        while (nextDisconnect < faults.disconnectsMs().size() && faults.disconnectsMs().get(nextDisconnect) < toMs) {
            long at = faults.disconnectsMs().get(nextDisconnect++);
            String detail = link != null ? "link dropped (supervision timeout); advertising again after "
                    + READVERTISE_MS + " ms" : "no link was up";
            record(at, FaultType.DISCONNECT, detail);
            if (link != null) {
                LOG.info("device {}: injected disconnect at {} ms", deviceId, at);
                linkLost(link, "connection lost: supervision timeout (injected fault)", true);
            }
        }
        while (nextReboot < faults.rebootsMs().size() && faults.rebootsMs().get(nextReboot) < toMs) {
            reboot(faults.rebootsMs().get(nextReboot++));
        }
        while (nextStall < faults.stalls().size() && faults.stalls().get(nextStall).atMs() < toMs) {
            DeviceFaults.Stall s = faults.stalls().get(nextStall++);
            record(s.atMs(), FaultType.STALL, "stream stalled for " + s.durationMs() + " ms");
        }
        battery.falls(toMs).forEach(f -> record(f.atMs(), FaultType.LOW_BATTERY, "battery fell to " + f.percent() + " %"));
        sets.completedBefore(toMs, host.scenarioMs(), host.loop()).forEach(set -> truth.addSet(set.toTruth(clock)));
        int level = battery.percent(toMs);
        if (battery.changed(level) && link != null) {
            link.deliver(GattProfile.BATTERY_LEVEL, new byte[] {(byte) level});
        }
        if (!streaming) {
            return;
        }
        List<SampleFrame> frames = new ArrayList<>();
        long endUs = toMs * 1000L;
        for (long us = nextSampleUs(); us < endUs; us = nextSampleUs()) {
            gridIndex++;
            double t = us / 1000.0;
            if (!host.loop() && t >= host.scenarioMs()) {
                streaming = false;
                break;
            }
            if (stalled(t)) {
                continue;
            }
            double scriptMs = host.loop() ? t % host.scenarioMs() : t;
            Reading r = signal.read(timeline.at(scriptMs), scriptMs, seq);
            int bat = seq % rateHz == 0 ? battery.percent(t) : SampleFrame.NO_BATTERY;
            SampleFrame f = new SampleFrame(seq, clock.timestamp(t), r.pitchCenti(), r.rollCenti(), r.pressures(),
                    bat, tared, clock.isSet());
            long epochMs = clock.epochMs(t);
            truth.accept(f, epochMs, r.scriptedRegion());
            if (host.watched()) {
                host.emitted(new EmittedSample(deviceId, caps, epochMs, f, r.scriptedRegion()));
            }
            frames.add(f);
            seq = SampleFrame.nextSequence(seq);
        }
        if (frames.isEmpty() || link == null) {
            return;
        }
        PacketFaults.Outcome out = packetFaults.apply(frames, link.mtu());
        for (PacketFaults.Applied a : out.faults()) {
            record(toMs, a.type(), a.detail());
        }
        for (byte[] n : out.notifications()) {
            link.deliver(GattProfile.SAMPLE_STREAM, n);
        }
    }

    /** Power off and on at scenario time {@code atMs}: what a real device loses in a reset. */
    private void reboot(long atMs) {
        long before = bootCount;
        if (link != null) {
            linkLost(link, "device rebooted", true);
        }
        advertiseFromMs = atMs + READVERTISE_MS;
        streaming = false;
        tared = false;
        seq = 0;
        clock.powerOn(atMs);
        bootCount = flash.powerOn(deviceId);
        LOG.info("device {}: injected reboot at {} ms (boot {} -> {})", deviceId, atMs, before, bootCount);
        record(atMs, FaultType.REBOOT, "device rebooted: boot " + before + " -> " + bootCount
                + ", sequence restarts at 0, clock unset");
    }

    /** The truth so far. */
    public DeviceTruth truth() {
        return truth.snapshot();
    }

    /** Drops the link because the simulation closes. */
    public void powerOff() {
        if (link != null) {
            linkLost(link, "device powered off (simulation closed)", false);
        }
    }

    private boolean stalled(double t) {
        for (DeviceFaults.Stall s : faults.stalls()) {
            if (s.covers(t)) {
                return true;
            }
        }
        return false;
    }

    private void restartGrid(long originUs) {
        gridOriginUs = originUs;
        gridIndex = 0;
    }

    private long nextSampleUs() {
        return gridOriginUs + gridIndex * 1_000_000L / rateHz;
    }

    private void record(long atMs, FaultType type, String detail) {
        host.recordFault(new InjectedFault(deviceId, type.name(), clock.epochMs(atMs), detail));
    }
}
