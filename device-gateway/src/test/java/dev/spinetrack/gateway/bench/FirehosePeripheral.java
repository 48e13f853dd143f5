package dev.spinetrack.gateway.bench;

import dev.spinetrack.gateway.testing.ScriptedPeripheral;
import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.ControlResult;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.protocol.gatt.NotificationPacker;
import dev.spinetrack.protocol.gatt.ResultCode;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.simulator.gatt.Advertisement;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.GattLink;
import dev.spinetrack.simulator.gatt.VirtualPeripheral;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A rack whose notifications are packed before the run and sent as fast as the gateway takes
 * them after START_STREAM, so a benchmark measures the gateway, not the device.
 */
final class FirehosePeripheral implements VirtualPeripheral, GattLink {

    private final String address;
    private final List<byte[]> notifications;
    private volatile Consumer<byte[]> stream;
    private volatile Consumer<byte[]> control;
    private volatile boolean up;

    FirehosePeripheral(String address, int frames) {
        this.address = address;
        List<SampleFrame> all = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            all.add(ScriptedPeripheral.frame(i));
        }
        this.notifications = NotificationPacker.pack(all, GattProfile.MAX_MTU);
    }

    @Override
    public Advertisement advertisement() {
        return new Advertisement(address, "firehose", -40, List.of(GattProfile.SERVICE));
    }

    @Override
    public boolean advertising() {
        return !up;
    }

    @Override
    public GattLink connect(int requestedMtu) {
        up = true;
        return this;
    }

    @Override
    public int mtu() {
        return GattProfile.MAX_MTU;
    }

    @Override
    public boolean connected() {
        return up;
    }

    @Override
    public byte[] read(UUID service, UUID characteristic) {
        return CapabilitiesCodec.encode(ScriptedPeripheral.RACK);
    }

    @Override
    public void write(UUID service, UUID characteristic, byte[] value) throws GattException {
        ControlCommand c = ControlCodec.decodeCommand(value).orThrow();
        control.accept(ControlCodec.encode(ControlResult.of(c.opcode(), ResultCode.SUCCESS)));
        if (c instanceof ControlCommand.StartStream) {
            Thread t = new Thread(() -> notifications.forEach(n -> stream.accept(n)), "firehose-" + address);
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void subscribe(UUID service, UUID characteristic, Consumer<byte[]> onValue) {
        if (characteristic.equals(GattProfile.SAMPLE_STREAM)) {
            stream = onValue;
        } else {
            control = onValue;
        }
    }

    @Override
    public void onDisconnect(Consumer<String> onReason) {
    }

    @Override
    public void close() {
        up = false;
    }
}
