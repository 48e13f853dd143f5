package dev.spinetrack.gateway.testing;

import dev.spinetrack.protocol.DecodeResult;
import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.ControlResult;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.protocol.gatt.NotificationPacker;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.gatt.ResultCode;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;
import dev.spinetrack.simulator.gatt.Advertisement;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.GattLink;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A small, deterministic stand-in for a SpineTrack rack, for tests that need exact control:
 * it answers the control point like the profile says, and after START_STREAM emits frames
 * with consecutive seqs (from {@code firstSeq}), {@code framesPerBurst} every
 * {@code burstIntervalMs}, until {@code totalFrames}. Faults are scripted: seqs to skip, a
 * garbage notification after given seqs, and a link drop after given seqs (the device keeps
 * counting for {@code missedWhileDown} seqs while it is away).
 */
public final class ScriptedPeripheral implements VirtualPeripheral {

    /** Capabilities of the scripted rack: 4 cells, 50..200 Hz, kPa with scale 0.01. */
    public static final DeviceCapabilities RACK = new DeviceCapabilities(DeviceKind.RACK, 1, 2, 3, 10, 200,
            PressureUnit.KILOPASCAL, 10, 500, List.of(new CellPlacement(SpinalLevel.T5, Side.LEFT),
            new CellPlacement(SpinalLevel.T5, Side.RIGHT), new CellPlacement(SpinalLevel.T7, Side.LEFT),
            new CellPlacement(SpinalLevel.T7, Side.RIGHT)));

    private final String address;
    private final String name;
    private final int rssi;
    private final long firstSeq;
    private final long totalFrames;
    private final int framesPerBurst;
    private final long burstIntervalMs;
    private final Set<Long> skip = ConcurrentHashMap.newKeySet();
    private final Set<Long> garbageAfter = ConcurrentHashMap.newKeySet();
    private final Set<Long> dropAfter = ConcurrentHashMap.newKeySet();
    private final List<String> controlLog = new CopyOnWriteArrayList<>();
    private volatile long missedWhileDown;
    private volatile boolean ignoreStart;
    private volatile Link link;
    private long nextSeq;
    private long emitted;

    public ScriptedPeripheral(String address, String name, int rssi, long firstSeq, long totalFrames,
                              int framesPerBurst, long burstIntervalMs) {
        this.address = address;
        this.name = name;
        this.rssi = rssi;
        this.firstSeq = firstSeq;
        this.nextSeq = firstSeq;
        this.totalFrames = totalFrames;
        this.framesPerBurst = framesPerBurst;
        this.burstIntervalMs = burstIntervalMs;
    }

    /** The frame with this seq: content is a function of seq so receivers can check it. */
    public static SampleFrame frame(long seq) {
        int s = (int) (seq % 1000);
        return new SampleFrame(seq & SampleFrame.MAX_U32, (seq * 10) & SampleFrame.MAX_U32, s - 500, -s,
                new int[] {s, s + 1, s + 2, s + 3}, 80, true, true);
    }

    public ScriptedPeripheral skipping(long... seqs) {
        for (long q : seqs) {
            skip.add(q);
        }
        return this;
    }

    public ScriptedPeripheral garbageAfter(long... seqs) {
        for (long q : seqs) {
            garbageAfter.add(q);
        }
        return this;
    }

    /** Drops the link right after sending these seqs; while away the device skips {@code missed} seqs. */
    public ScriptedPeripheral droppingAfter(long missed, long... seqs) {
        this.missedWhileDown = missed;
        for (long q : seqs) {
            dropAfter.add(q);
        }
        return this;
    }

    /** Makes the device accept START_STREAM but never send a sample (a stalled stream). */
    public ScriptedPeripheral stalled(boolean v) {
        this.ignoreStart = v;
        return this;
    }

    /** Control-point commands received, by name, in order. */
    public List<String> controlLog() {
        return controlLog;
    }

    public synchronized boolean finished() {
        return nextSeq - firstSeq >= totalFrames;
    }

    @Override
    public Advertisement advertisement() {
        return new Advertisement(address, name, rssi, List.of(GattProfile.SERVICE));
    }

    @Override
    public boolean advertising() {
        Link l = link;
        return l == null || !l.connected();
    }

    @Override
    public synchronized GattLink connect(int requestedMtu) throws GattException {
        if (!advertising()) {
            throw new GattException("already connected");
        }
        link = new Link(Math.max(GattProfile.DEFAULT_MTU, Math.min(requestedMtu, GattProfile.MAX_MTU)));
        return link;
    }

    /** Drops the current link as if the device went out of range. */
    public void dropLink(String reason) {
        Link l = link;
        if (l != null) {
            l.drop(reason);
        }
    }

    private final class Link implements GattLink {
        private final int mtu;
        private volatile boolean up = true;
        private volatile Consumer<byte[]> stream;
        private volatile Consumer<byte[]> control;
        private volatile Consumer<String> onDisconnect = r -> { };
        private Thread streamer;

        Link(int mtu) {
            this.mtu = mtu;
        }

        @Override
        public int mtu() {
            return mtu;
        }

        @Override
        public boolean connected() {
            return up;
        }

        @Override
        public byte[] read(UUID service, UUID characteristic) throws GattException {
            requireUp();
            if (service.equals(GattProfile.SERVICE) && characteristic.equals(GattProfile.CAPABILITIES)) {
                return CapabilitiesCodec.encode(RACK);
            }
            if (service.equals(GattProfile.BATTERY_SERVICE) && characteristic.equals(GattProfile.BATTERY_LEVEL)) {
                return new byte[] {80};
            }
            throw new GattException("no characteristic " + characteristic);
        }

        @Override
        public void write(UUID service, UUID characteristic, byte[] value) throws GattException {
            requireUp();
            if (!characteristic.equals(GattProfile.CONTROL_POINT)) {
                throw new GattException("characteristic " + characteristic + " is not writable");
            }
            DecodeResult<ControlCommand> r = ControlCodec.decodeCommand(value);
            if (r.errorOrNull() != null) {
                indicate(new ControlResult(value.length > 0 ? value[0] & 0xFF : 0, ResultCode.OPCODE_NOT_SUPPORTED));
                return;
            }
            ControlCommand c = r.orThrow();
            controlLog.add(c.opcode().name());
            indicate(ControlResult.of(c.opcode(), ResultCode.SUCCESS));
            if (c instanceof ControlCommand.StartStream && !ignoreStart) {
                startStreaming();
            }
        }

        private void indicate(ControlResult result) {
            Consumer<byte[]> c = control;
            if (c != null) {
                c.accept(ControlCodec.encode(result));
            }
        }

        @Override
        public void subscribe(UUID service, UUID characteristic, Consumer<byte[]> onValue) throws GattException {
            requireUp();
            if (characteristic.equals(GattProfile.SAMPLE_STREAM)) {
                stream = onValue;
            } else if (characteristic.equals(GattProfile.CONTROL_POINT)) {
                control = onValue;
            } else {
                throw new GattException("characteristic " + characteristic + " does not notify");
            }
        }

        @Override
        public void onDisconnect(Consumer<String> onReason) {
            this.onDisconnect = onReason;
        }

        @Override
        public void close() {
            drop("closed by the central");
        }

        synchronized void drop(String reason) {
            if (!up) {
                return;
            }
            up = false;
            if (streamer != null) {
                streamer.interrupt();
            }
            onDisconnect.accept(reason);
        }

        private void requireUp() throws GattException {
            if (!up) {
                throw new GattException("not connected");
            }
        }

        private synchronized void startStreaming() {
            if (streamer != null) {
                return;
            }
            streamer = new Thread(this::stream, "scripted-" + address);
            streamer.setDaemon(true);
            streamer.start();
        }

        private void stream() {
            try {
                while (up && !finished()) {
                    List<SampleFrame> burst = new ArrayList<>();
                    boolean dropNow = false;
                    boolean garbage = false;
                    synchronized (ScriptedPeripheral.this) {
                        while (burst.size() < framesPerBurst && !finished()) {
                            long seq = nextSeq++;
                            emitted++;
                            if (!skip.contains(seq)) {
                                burst.add(frame(seq));
                            }
                            if (garbageAfter.contains(seq)) {
                                garbage = true;
                                break;
                            }
                            if (dropAfter.contains(seq)) {
                                dropNow = true;
                                nextSeq += missedWhileDown;
                                break;
                            }
                        }
                    }
                    Consumer<byte[]> s = stream;
                    if (!burst.isEmpty()) {
                        for (byte[] n : NotificationPacker.pack(burst, mtu)) {
                            s.accept(n);
                        }
                    }
                    if (garbage) {
                        // a lone middle fragment: the reassembler must reject it
                        s.accept(new byte[] {0x05, 1, 2, 3});
                    }
                    if (dropNow) {
                        drop("scripted link loss");
                        return;
                    }
                    Thread.sleep(burstIntervalMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
