package dev.spinetrack.simulator;

import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.ControlResult;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.GattProfile;
import dev.spinetrack.protocol.gatt.PacketReassembler;
import dev.spinetrack.protocol.gatt.ResultCode;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.simulator.device.VirtualDevice;
import dev.spinetrack.simulator.gatt.GattException;
import dev.spinetrack.simulator.gatt.GattLink;
import dev.spinetrack.simulator.scenario.ScenarioCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GATT face of a device, driven event by event on a virtual world. */
class ControlPointTest {

    private VirtualWorld world;
    private VirtualDevice rack;
    private VirtualDevice ball;
    private final List<ControlResult> results = new ArrayList<>();
    private final List<byte[]> notifications = new ArrayList<>();

    @BeforeEach
    void setUp() {
        world = new VirtualWorld(ScenarioCatalog.load(TestScenarios.path("short-pair.yaml")), 5, false, "", Runnable::run);
        rack = world.devices().get(0);
        ball = world.devices().get(1);
    }

    private GattLink connect(VirtualDevice d, int mtu) throws GattException {
        GattLink link = d.connect(mtu);
        link.subscribe(GattProfile.SERVICE, GattProfile.CONTROL_POINT,
                v -> results.add(ControlCodec.decodeResult(v).orThrow()));
        link.subscribe(GattProfile.SERVICE, GattProfile.SAMPLE_STREAM, notifications::add);
        return link;
    }

    private ControlResult write(GattLink link, byte[] value) throws GattException {
        link.write(GattProfile.SERVICE, GattProfile.CONTROL_POINT, value);
        return results.get(results.size() - 1);
    }

    private List<SampleFrame> frames() {
        PacketReassembler r = new PacketReassembler();
        List<SampleFrame> out = new ArrayList<>();
        notifications.forEach(n -> out.addAll(r.accept(n).frames()));
        return out;
    }

    @Test
    void advertisesNameServiceAndRssiAndServesCapabilitiesAndBattery() throws GattException {
        assertTrue(rack.advertising());
        assertEquals("SpineTrack Rack", rack.advertisement().name());
        assertTrue(rack.advertisement().services().contains(GattProfile.SERVICE));
        assertTrue(rack.advertisement().rssi() < -30 && rack.advertisement().rssi() > -90);
        assertTrue(rack.advertisement().address().matches("C0:FF:EE:[0-9A-F]{2}:00:01"));

        GattLink link = rack.connect(247);
        assertFalse(rack.advertising(), "a connected device does not advertise");
        var caps = CapabilitiesCodec.decode(link.read(GattProfile.SERVICE, GattProfile.CAPABILITIES)).orThrow();
        assertEquals(DeviceKind.RACK, caps.kind());
        assertEquals(32, caps.channelCount());
        assertEquals(95, link.read(GattProfile.BATTERY_SERVICE, GattProfile.BATTERY_LEVEL)[0]);
        assertThrows(GattException.class, () -> rack.connect(247), "one central at a time");
    }

    @Test
    void streamsOnlyAfterStartStreamAndStopsOnStopStream() throws GattException {
        GattLink link = connect(ball, 247);
        world.advanceTo(1000);
        assertTrue(notifications.isEmpty());

        assertEquals(ResultCode.SUCCESS, write(link, ControlCodec.encode(new ControlCommand.StartStream())).result());
        world.advanceTo(2000);
        int afterOneSecond = frames().size();
        assertEquals(50, afterOneSecond);
        assertFalse(frames().get(0).clockSet(), "no SET_TIME yet: ms since power-on");
        assertEquals(1000, frames().get(0).timestampMs());

        assertEquals(ResultCode.SUCCESS, write(link, ControlCodec.encode(new ControlCommand.StopStream())).result());
        world.advanceTo(3000);
        assertEquals(afterOneSecond, frames().size());
    }

    @Test
    void setTimeRebasesTimestampsAndSetRateChangesTheInterval() throws GattException {
        GattLink link = connect(ball, 247);
        world.advanceTo(500);
        write(link, ControlCodec.encode(new ControlCommand.SetTime(1_800_000_000_000L)));
        write(link, ControlCodec.encode(new ControlCommand.StartStream()));
        world.advanceTo(1500);
        assertEquals(ResultCode.SUCCESS, write(link, ControlCodec.encode(new ControlCommand.SetRate(100))).result());
        world.advanceTo(2500);

        List<SampleFrame> f = frames();
        assertTrue(f.stream().allMatch(SampleFrame::clockSet));
        assertEquals(0, f.get(0).timestampMs(), "counts from the SET_TIME base");
        assertEquals(20, f.get(1).timestampMs() - f.get(0).timestampMs());
        SampleFrame lastTwo = f.get(f.size() - 1);
        assertEquals(10, lastTwo.timestampMs() - f.get(f.size() - 2).timestampMs());
        assertEquals(150, f.size(), "1 s at 50 Hz, then 1 s at 100 Hz");
        for (int i = 1; i < f.size(); i++) {
            assertEquals(f.get(i - 1).sequence() + 1, f.get(i).sequence());
        }
    }

    @Test
    void badParametersAndUnknownOpcodesGetErrorResults() throws GattException {
        GattLink link = connect(ball, 247);

        ControlResult lowRate = write(link, ControlCodec.encode(new ControlCommand.SetRate(5)));
        assertEquals(ResultCode.INVALID_PARAMETER, lowRate.result());
        assertEquals(0x03, lowRate.requestOpcode());
        assertEquals(ResultCode.INVALID_PARAMETER, write(link, ControlCodec.encode(new ControlCommand.SetRate(500))).result());
        assertEquals(ResultCode.INVALID_PARAMETER, write(link, new byte[] {0x03, 0x01}).result(), "truncated SET_RATE");
        assertEquals(ResultCode.INVALID_PARAMETER, write(link, ControlCodec.encode(new ControlCommand.Tare(3))).result(),
                "a ball has only channel 0");
        assertEquals(ResultCode.INVALID_PARAMETER, write(link, new byte[] {0x06, 0}).result(), "identify 0 s");
        ControlResult unknown = write(link, new byte[] {0x42});
        assertEquals(ResultCode.OPCODE_NOT_SUPPORTED, unknown.result());
        assertEquals(0x42, unknown.requestOpcode());
        assertEquals(ResultCode.SUCCESS, write(link, ControlCodec.encode(new ControlCommand.Identify(3))).result());
        assertEquals(ResultCode.SUCCESS, write(link, ControlCodec.encode(new ControlCommand.Tare(0))).result());

        write(link, ControlCodec.encode(new ControlCommand.StartStream()));
        world.advanceTo(200);
        assertTrue(frames().stream().allMatch(SampleFrame::tared));
    }

    @Test
    void onlyTheControlPointIsWritableAndAClosedLinkRefusesEverything() throws GattException {
        GattLink link = connect(ball, 247);
        assertThrows(GattException.class,
                () -> link.write(GattProfile.SERVICE, GattProfile.CAPABILITIES, new byte[] {1}));
        assertThrows(GattException.class, () -> link.read(GattProfile.SERVICE, GattProfile.SAMPLE_STREAM));
        assertThrows(GattException.class,
                () -> link.subscribe(GattProfile.SERVICE, GattProfile.CAPABILITIES, v -> { }));
        List<String> reasons = new ArrayList<>();
        link.onDisconnect(reasons::add);

        link.close();

        assertEquals(List.of("closed by the central"), reasons);
        assertFalse(link.connected());
        assertThrows(GattException.class, () -> link.read(GattProfile.SERVICE, GattProfile.CAPABILITIES));
        assertTrue(ball.advertising(), "advertises again at once after a central's close");
    }

    @Test
    void negotiatesTheMtuAndFragmentsRackFramesAt23() throws GattException {
        assertEquals(23, ball.connect(10).mtu());
        GattLink big = connect(rack, 600);
        assertEquals(247, big.mtu());
        big.close();

        GattLink small = connect(rack, 23);
        assertEquals(23, small.mtu());
        write(small, ControlCodec.encode(new ControlCommand.StartStream()));
        world.advanceTo(1000);

        assertTrue(notifications.stream().allMatch(n -> n.length <= 20), "ATT payload of MTU 23");
        List<SampleFrame> f = frames();
        assertEquals(50, f.size());
        assertEquals(5 * f.size(), notifications.size(), "80-byte rack frames take 5 fragments of 19 bytes");
        assertEquals(32, f.get(0).channelCount());
    }

    @Test
    void batteryLevelNotifiesWhenItChanges() throws GattException {
        world = new VirtualWorld(ScenarioCatalog.load(TestScenarios.path("short-ball.yaml")), 5, false,
                "low-battery=1s:4%", Runnable::run);
        GattLink link = world.devices().get(0).connect(23);
        List<byte[]> levels = new ArrayList<>();
        link.subscribe(GattProfile.BATTERY_SERVICE, GattProfile.BATTERY_LEVEL, levels::add);
        world.advanceTo(2000);

        assertArrayEquals(new byte[] {4}, levels.get(levels.size() - 1));
        assertArrayEquals(new byte[] {4}, link.read(GattProfile.BATTERY_SERVICE, GattProfile.BATTERY_LEVEL));
    }
}
