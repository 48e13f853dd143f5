package dev.spinetrack.protocol.vectors;

import dev.spinetrack.protocol.DecodeError;
import dev.spinetrack.protocol.DecodeResult;
import dev.spinetrack.protocol.gatt.BootRecord;
import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.ControlResult;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.gatt.SampleFrameCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every single-message vector: decode(hex) equals the value and encode(value) equals the hex. */
class CodecVectorTest {

    static List<ProtocolVectors.Valid<SampleFrame>> validFrames() {
        return ProtocolVectors.validFrames();
    }

    static List<ProtocolVectors.Invalid> invalidFrames() {
        return ProtocolVectors.invalid("frames.invalid");
    }

    static List<ProtocolVectors.Valid<DeviceCapabilities>> validCapabilities() {
        return ProtocolVectors.validCapabilities();
    }

    static List<ProtocolVectors.Invalid> invalidCapabilities() {
        return ProtocolVectors.invalid("capabilities.invalid");
    }

    static List<ProtocolVectors.Valid<ControlCommand>> validCommands() {
        return ProtocolVectors.validCommands();
    }

    static List<ProtocolVectors.Invalid> invalidCommands() {
        return ProtocolVectors.invalid("commands.invalid");
    }

    static List<ProtocolVectors.Valid<ControlResult>> validResults() {
        return ProtocolVectors.validResults();
    }

    static List<ProtocolVectors.Invalid> invalidResults() {
        return ProtocolVectors.invalid("results.invalid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFrames")
    void frameDecodesAndEncodesExactly(ProtocolVectors.Valid<SampleFrame> v) {
        assertEquals(v.value(), SampleFrameCodec.decode(v.bytes()).orThrow());
        assertEquals(Hex.format(v.bytes()), Hex.format(SampleFrameCodec.encode(v.value())));
        assertEquals(v.bytes().length, v.value().encodedLength());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFrames")
    void frameIsRejectedWithTheExactError(ProtocolVectors.Invalid v) {
        assertError(v, SampleFrameCodec.decode(v.bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFrames")
    void packetWithTheInvalidFrameIsRejectedWithTheSameError(ProtocolVectors.Invalid v) {
        // A packet is back-to-back frames, so the lone bad frame fails it at the same offset;
        // only the trailing-byte case differs: in a packet its 0x00 is read as the next frame's version.
        DecodeResult<List<SampleFrame>> r = SampleFrameCodec.decodePacket(v.bytes());
        if (v.name().equals("trailing-byte")) {
            assertEquals("BAD_VERSION version@17", r.errorOrNull().code());
        } else {
            assertError(v, r);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCapabilities")
    void capabilitiesDecodeAndEncodeExactly(ProtocolVectors.Valid<DeviceCapabilities> v) {
        assertEquals(v.value(), CapabilitiesCodec.decode(v.bytes()).orThrow());
        assertEquals(Hex.format(v.bytes()), Hex.format(CapabilitiesCodec.encode(v.value())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCapabilities")
    void capabilitiesAreRejectedWithTheExactError(ProtocolVectors.Invalid v) {
        assertError(v, CapabilitiesCodec.decode(v.bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCommands")
    void commandDecodesAndEncodesExactly(ProtocolVectors.Valid<ControlCommand> v) {
        assertEquals(v.value(), ControlCodec.decodeCommand(v.bytes()).orThrow());
        assertEquals(Hex.format(v.bytes()), Hex.format(ControlCodec.encode(v.value())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCommands")
    void commandIsRejectedWithTheExactError(ProtocolVectors.Invalid v) {
        assertError(v, ControlCodec.decodeCommand(v.bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validResults")
    void resultDecodesAndEncodesExactly(ProtocolVectors.Valid<ControlResult> v) {
        assertEquals(v.value(), ControlCodec.decodeResult(v.bytes()).orThrow());
        assertEquals(Hex.format(v.bytes()), Hex.format(ControlCodec.encode(v.value())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidResults")
    void resultIsRejectedWithTheExactError(ProtocolVectors.Invalid v) {
        assertError(v, ControlCodec.decodeResult(v.bytes()));
    }

    static List<ProtocolVectors.Valid<BootRecord>> validBootRecords() {
        return ProtocolVectors.validBootRecords();
    }

    static List<ProtocolVectors.Invalid> invalidBootRecords() {
        return ProtocolVectors.invalid("boot.invalid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validBootRecords")
    void bootRecordDecodesAndEncodesExactly(ProtocolVectors.Valid<BootRecord> v) {
        assertEquals(v.value(), BootRecord.decode(v.bytes()).orThrow());
        assertEquals(Hex.format(v.bytes()), Hex.format(v.value().encode()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBootRecords")
    void bootRecordIsRejectedWithTheExactError(ProtocolVectors.Invalid v) {
        assertError(v, BootRecord.decode(v.bytes()));
    }

    private static void assertError(ProtocolVectors.Invalid v, DecodeResult<?> r) {
        DecodeError e = r.errorOrNull();
        assertNotNull(e, () -> v.name() + " decoded to a value: " + r);
        assertEquals(v.error(), e.code(), () -> v.name() + ": " + e);
    }
}
