package dev.spinetrack.protocol.gatt;

import dev.spinetrack.protocol.DecodeError;
import dev.spinetrack.protocol.DecodeErrorKind;
import dev.spinetrack.protocol.DecodeResult;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Constructors, limits and helpers of the GATT values, beyond what the vectors cover. */
class GattValuesTest {

    @Test
    void attPayloadIsMtuLessThreeWithinTheNegotiableRange() {
        assertEquals(20, GattProfile.attPayload(23));
        assertEquals(244, GattProfile.attPayload(247));
        assertEquals(19, NotificationPacker.capacity(23));
        assertEquals(243, NotificationPacker.capacity(247));
        assertEquals("MTU must be in [23, 247], was 22",
                assertThrows(IllegalArgumentException.class, () -> GattProfile.attPayload(22)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> GattProfile.attPayload(248));
    }

    @Test
    void uuidsShareTheServiceBase() {
        assertEquals("53540001-7370-696e-6574-7261636b0000", GattProfile.SAMPLE_STREAM.toString());
        assertEquals("53540002-7370-696e-6574-7261636b0000", GattProfile.CAPABILITIES.toString());
        assertEquals("53540003-7370-696e-6574-7261636b0000", GattProfile.CONTROL_POINT.toString());
        assertEquals(0x180F, (int) (GattProfile.BATTERY_SERVICE.getMostSignificantBits() >>> 32));
        assertEquals(0x2A19, (int) (GattProfile.BATTERY_LEVEL.getMostSignificantBits() >>> 32));
    }

    @Test
    void fragmentingRefusesEmptyAndOversizedPackets() {
        assertEquals("a packet has at least one byte",
                assertThrows(IllegalArgumentException.class, () -> NotificationPacker.fragment(new byte[0], 23)).getMessage());
        assertEquals(64, NotificationPacker.fragment(new byte[19 * 64], 23).size());
        assertEquals("packet of 1217 bytes needs 65 fragments at MTU 23, at most 64 allowed",
                assertThrows(IllegalArgumentException.class, () -> NotificationPacker.fragment(new byte[19 * 64 + 1], 23))
                        .getMessage());
        assertEquals(List.of(), NotificationPacker.pack(List.of(), 23));
    }

    @Test
    void aPacketWithoutLastFragmentIsDroppedAfterSixtyFourFragments() {
        PacketReassembler r = new PacketReassembler();
        assertEquals(List.of(), r.accept(new byte[] {(byte) 0x80, 1}).errors());
        for (int i = 1; i < 63; i++) {
            assertEquals(List.of(), r.accept(new byte[] {(byte) i, 0}).errors());
        }
        PacketReassembler.Outcome o = r.accept(new byte[] {(byte) 63, 0});
        assertEquals(List.of("BAD_FRAGMENT index@0"), o.errors().stream().map(DecodeError::code).toList());
        assertEquals("BAD_FRAGMENT header@0", r.accept(new byte[] {0x40, 0}).errors().get(0).code(),
                "the dropped packet is no longer open");
    }

    @Test
    void aMisnumberedFirstFragmentAlsoReportsTheOpenPacketItDrops() {
        PacketReassembler r = new PacketReassembler();
        r.accept(new byte[] {(byte) 0x80, 1, 0});
        assertEquals(List.of("BAD_FRAGMENT header@0", "BAD_FRAGMENT index@0"),
                r.accept(new byte[] {(byte) 0x81, 1}).errors().stream().map(DecodeError::code).toList());
    }

    @Test
    void resetForgetsAPartialPacket() {
        PacketReassembler r = new PacketReassembler();
        r.accept(new byte[] {(byte) 0x80, 1, 0});
        r.reset();
        assertEquals("BAD_FRAGMENT header@0", r.accept(new byte[] {0x41, 0}).errors().get(0).code());
    }

    @Test
    void fragmentHeaderBitsAndLimits() {
        assertEquals(0xC0, new FragmentHeader(true, true, 0).toByte());
        assertEquals(0x45, new FragmentHeader(false, true, 5).toByte());
        assertThrows(IllegalArgumentException.class, () -> new FragmentHeader(true, false, 1));
        assertThrows(IllegalArgumentException.class, () -> new FragmentHeader(false, false, 64));
    }

    @Test
    void frameConstructorNamesTheFieldOutOfRange() {
        assertEquals("pitchCenti out of range: 9001", assertThrows(IllegalArgumentException.class,
                () -> new SampleFrame(0, 0, 9001, 0, new int[] {0}, -1, false, false)).getMessage());
        assertEquals("sequence out of range: 4294967296", assertThrows(IllegalArgumentException.class,
                () -> new SampleFrame(1L << 32, 0, 0, 0, new int[] {0}, -1, false, false)).getMessage());
        assertEquals("pressures[1] out of range: 65535", assertThrows(IllegalArgumentException.class,
                () -> new SampleFrame(0, 0, 0, 0, new int[] {0, 65535}, -1, false, false)).getMessage());
        assertEquals("pressures must have 1..32 channels", assertThrows(IllegalArgumentException.class,
                () -> new SampleFrame(0, 0, 0, 0, new int[33], -1, false, false)).getMessage());
        assertEquals("battery out of range: 101", assertThrows(IllegalArgumentException.class,
                () -> new SampleFrame(0, 0, 0, 0, new int[] {0}, 101, false, false)).getMessage());
    }

    @Test
    void frameIsAnImmutableValue() {
        int[] p = {1, 2};
        SampleFrame f = new SampleFrame(0, 0, 150, -250, p, -1, false, false);
        p[0] = 99;
        f.pressures()[1] = 99;
        assertEquals(1, f.pressure(0));
        assertEquals(2, f.pressure(1));
        assertEquals(1.5, f.pitchDegrees());
        assertEquals(-2.5, f.rollDegrees());
        assertFalse(f.hasBattery());
        assertEquals(0, SampleFrame.nextSequence(SampleFrame.MAX_U32));
        assertEquals(6, SampleFrame.nextSequence(5));
    }

    @Test
    void capabilitiesEnforceTheKindsShape() {
        assertEquals("a ball has exactly one unplaced channel", assertThrows(IllegalArgumentException.class,
                () -> new DeviceCapabilities(DeviceKind.BALL, 1, 0, 0, 1, 10, PressureUnit.KILOPASCAL, 1, 0,
                        List.of(new CellPlacement(SpinalLevel.T6, Side.LEFT)))).getMessage());
        assertEquals("rack cell 1 has no level and side", assertThrows(IllegalArgumentException.class,
                () -> new DeviceCapabilities(DeviceKind.RACK, 1, 0, 0, 1, 10, PressureUnit.NEWTON, 1, 0,
                        List.of(new CellPlacement(SpinalLevel.T6, Side.LEFT), CellPlacement.UNPLACED))).getMessage());
        assertEquals("rates must satisfy 1 <= min <= max <= 1000, were 20..10", assertThrows(IllegalArgumentException.class,
                () -> new DeviceCapabilities(DeviceKind.BALL, 1, 0, 0, 20, 10, PressureUnit.KILOPASCAL, 1, 0,
                        List.of(CellPlacement.UNPLACED))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CellPlacement(null, Side.LEFT));
        assertThrows(IllegalArgumentException.class, () -> new CellPlacement(SpinalLevel.T1, Side.NONE));
        DeviceCapabilities ball = new DeviceCapabilities(DeviceKind.BALL, 1, 2, 3, 1, 10, PressureUnit.KILOPASCAL, 250, 40,
                List.of(CellPlacement.UNPLACED));
        assertEquals(10.0, ball.contactThreshold());
        assertEquals("1.2.3", ball.firmwareVersion());
        assertTrue(CellPlacement.UNPLACED.region().isEmpty());
    }

    @Test
    void commandsValidateTheirParameters() {
        assertEquals("rate must be in [1, 1000] Hz, was 0",
                assertThrows(IllegalArgumentException.class, () -> new ControlCommand.SetRate(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ControlCommand.Tare(32));
        assertThrows(IllegalArgumentException.class, () -> new ControlCommand.SetTime(-1));
        assertThrows(IllegalArgumentException.class, () -> new ControlCommand.Identify(61));
        assertThrows(IllegalArgumentException.class, () -> new ControlResult(256, ResultCode.SUCCESS));
        assertTrue(ControlResult.of(ControlOpcode.TARE, ResultCode.SUCCESS).succeeded());
        assertFalse(ControlResult.of(ControlOpcode.TARE, ResultCode.BUSY).succeeded());
        assertNull(ControlOpcode.ofCode(0x80));
    }

    @Test
    void decodersTakeNullAsNoBytes() {
        assertEquals("TRUNCATED version@0", SampleFrameCodec.decode(null).errorOrNull().code());
        assertEquals("TRUNCATED version@0", SampleFrameCodec.decodePacket(null).errorOrNull().code());
        assertEquals("TRUNCATED version@0", CapabilitiesCodec.decode(null).errorOrNull().code());
        assertEquals("TRUNCATED opcode@0", ControlCodec.decodeCommand(null).errorOrNull().code());
        assertEquals("TRUNCATED opcode@0", ControlCodec.decodeResult(null).errorOrNull().code());
        assertEquals("TRUNCATED header@0", new PacketReassembler().accept(null).errors().get(0).code());
        assertEquals("TRUNCATED version@0", SampleFrameCodec.decodeAt(null, 0).errorOrNull().code());
        assertEquals("TRUNCATED version@5", SampleFrameCodec.decodeAt(new byte[3], 5).errorOrNull().code());
    }

    @Test
    void decodeResultHelpers() {
        DecodeResult<Integer> ok = DecodeResult.ok(3);
        DecodeResult<Integer> err = DecodeResult.err(DecodeErrorKind.OUT_OF_RANGE, "x", 4, "x is 9");
        assertEquals(6, ok.map(v -> v * 2).orThrow());
        assertEquals("OUT_OF_RANGE x@4", err.map(v -> v * 2).errorOrNull().code());
        assertEquals("OUT_OF_RANGE x@4: x is 9",
                assertThrows(IllegalStateException.class, err::orThrow).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DecodeError(DecodeErrorKind.TRUNCATED, "x", -1, "d"));
    }
}
