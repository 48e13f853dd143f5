package dev.spinetrack.simulator;

import dev.spinetrack.protocol.gatt.BootRecord;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.protocol.gatt.PacketReassembler;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.simulator.device.DeviceFlash;
import dev.spinetrack.simulator.device.VirtualDevice;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.GattLink;
import dev.spinetrack.simulator.scenario.ScenarioCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reboot fault: the boot counter rises, the sequence restarts, the link drops. */
class RebootTest {

    @Test
    void aRebootRaisesTheBootCounterAndRestartsTheSequence() throws GattException {
        VirtualWorld world = new VirtualWorld(ScenarioCatalog.load(TestScenarios.path("short-pair.yaml")), 5, false,
                "reboot=3s", 0, DeviceFlash.inMemory(), Runnable::run);
        VirtualDevice ball = world.devices().get(1);
        List<byte[]> notifications = new ArrayList<>();
        GattLink link = start(ball, notifications);
        assertEquals(new BootRecord(1), BootRecord.decode(link.read(GattProfile.SERVICE, GattProfile.BOOT_RECORD)).orThrow());
        world.advanceTo(3500);
        assertFalse(link.connected(), "a reboot drops the link");
        List<SampleFrame> before = frames(notifications);
        assertTrue(before.size() > 100 && before.get(0).sequence() == 0);

        world.advanceTo(3500 + VirtualDevice.READVERTISE_MS + 10);
        notifications.clear();
        GattLink again = start(ball, notifications);
        assertEquals(2, BootRecord.decode(again.read(GattProfile.SERVICE, GattProfile.BOOT_RECORD)).orThrow().bootCount());
        world.advanceTo(7000);
        List<SampleFrame> after = frames(notifications);
        assertFalse(after.isEmpty());
        assertEquals(0, after.get(0).sequence(), "sequence restarts at 0 after a power-on");
        assertTrue(world.groundTruth().faults().stream().anyMatch(f -> f.type().equals("REBOOT")));
    }

    @Test
    void countersKeptInADirectoryContinueInTheNextProcess(@TempDir Path dir) {
        DeviceFlash first = DeviceFlash.in(dir);
        assertEquals(1, first.powerOn("c0ffee000001"));
        assertEquals(2, first.powerOn("c0ffee000001"));
        assertEquals(1, first.powerOn("c0ffee000002"));
        DeviceFlash second = DeviceFlash.in(dir);
        assertEquals(3, second.powerOn("c0ffee000001"));
        assertEquals(1, DeviceFlash.inMemory().powerOn("c0ffee000001"));
    }

    private static GattLink start(VirtualDevice d, List<byte[]> sink) throws GattException {
        GattLink link = d.connect(247);
        link.subscribe(GattProfile.SERVICE, GattProfile.CONTROL_POINT, v -> { });
        link.subscribe(GattProfile.SERVICE, GattProfile.SAMPLE_STREAM, sink::add);
        link.write(GattProfile.SERVICE, GattProfile.CONTROL_POINT, ControlCodec.encode(new ControlCommand.StartStream()));
        return link;
    }

    private static List<SampleFrame> frames(List<byte[]> notifications) {
        PacketReassembler r = new PacketReassembler();
        List<SampleFrame> out = new ArrayList<>();
        notifications.forEach(n -> out.addAll(r.accept(n).frames()));
        return out;
    }
}
