package dev.spinetrack.protocol.properties;

import dev.spinetrack.protocol.DecodeError;
import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.ControlResult;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.NotificationPacker;
import dev.spinetrack.protocol.gatt.PacketReassembler;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.gatt.SampleFrameCodec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** encode -> decode -> encode is the identity for every valid value. */
class RoundTripPropertyTest {

    @Provide
    Arbitrary<SampleFrame> frames() {
        return ProtocolArbitraries.frames();
    }

    @Provide
    Arbitrary<List<SampleFrame>> frameLists() {
        return ProtocolArbitraries.frames().list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<DeviceCapabilities> capabilities() {
        return ProtocolArbitraries.capabilities();
    }

    @Provide
    Arbitrary<ControlCommand> commands() {
        return ProtocolArbitraries.commands();
    }

    @Provide
    Arbitrary<ControlResult> results() {
        return ProtocolArbitraries.results();
    }

    @Provide
    Arbitrary<Integer> mtus() {
        return ProtocolArbitraries.mtus();
    }

    @Property
    void frameRoundTrips(@ForAll("frames") SampleFrame frame) {
        byte[] bytes = SampleFrameCodec.encode(frame);
        assertEquals(frame.encodedLength(), bytes.length);
        SampleFrame decoded = SampleFrameCodec.decode(bytes).orThrow();
        assertEquals(frame, decoded);
        assertArrayEquals(bytes, SampleFrameCodec.encode(decoded));
    }

    @Property
    void packetOfFramesRoundTrips(@ForAll("frameLists") List<SampleFrame> frames) {
        byte[] packet = new byte[frames.stream().mapToInt(SampleFrame::encodedLength).sum()];
        int at = 0;
        for (SampleFrame f : frames) {
            at = SampleFrameCodec.encodeInto(f, packet, at);
        }
        assertEquals(packet.length, at);
        assertEquals(frames, SampleFrameCodec.decodePacket(packet).orThrow());
    }

    @Property
    void capabilitiesRoundTrip(@ForAll("capabilities") DeviceCapabilities caps) {
        byte[] bytes = CapabilitiesCodec.encode(caps);
        DeviceCapabilities decoded = CapabilitiesCodec.decode(bytes).orThrow();
        assertEquals(caps, decoded);
        assertArrayEquals(bytes, CapabilitiesCodec.encode(decoded));
    }

    @Property
    void commandRoundTrips(@ForAll("commands") ControlCommand command) {
        byte[] bytes = ControlCodec.encode(command);
        assertEquals(1 + command.opcode().parameterLength(), bytes.length);
        ControlCommand decoded = ControlCodec.decodeCommand(bytes).orThrow();
        assertEquals(command, decoded);
        assertArrayEquals(bytes, ControlCodec.encode(decoded));
    }

    @Property
    void resultRoundTrips(@ForAll("results") ControlResult result) {
        byte[] bytes = ControlCodec.encode(result);
        ControlResult decoded = ControlCodec.decodeResult(bytes).orThrow();
        assertEquals(result, decoded);
        assertArrayEquals(bytes, ControlCodec.encode(decoded));
    }

    @Property
    void packedFramesReassembleInOrderAtAnyMtu(@ForAll("frameLists") List<SampleFrame> frames,
                                               @ForAll("mtus") int mtu) {
        List<byte[]> notifications = NotificationPacker.pack(frames, mtu);
        PacketReassembler reassembler = new PacketReassembler();
        List<SampleFrame> out = new ArrayList<>();
        List<DecodeError> errors = new ArrayList<>();
        for (byte[] n : notifications) {
            assertTrue(n.length >= 2 && n.length <= mtu - 3, () -> "notification of " + n.length + " bytes at MTU " + mtu);
            PacketReassembler.Outcome o = reassembler.accept(n);
            out.addAll(o.frames());
            errors.addAll(o.errors());
        }
        assertEquals(List.of(), errors);
        assertEquals(frames, out);
    }

    @Property
    void packingNeverSplitsAFrameThatFitsOneNotification(@ForAll("frameLists") List<SampleFrame> frames,
                                                         @ForAll("mtus") int mtu) {
        // Each notification that is both first and last holds only whole frames.
        int cap = NotificationPacker.capacity(mtu);
        for (byte[] n : NotificationPacker.pack(frames, mtu)) {
            if ((n[0] & 0xC0) == 0xC0) {
                assertTrue(SampleFrameCodec.decodePacket(Arrays.copyOfRange(n, 1, n.length)).isOk());
            } else {
                assertTrue(frames.stream().anyMatch(f -> f.encodedLength() > cap), "a fragment for a frame that fits");
            }
        }
    }
}
