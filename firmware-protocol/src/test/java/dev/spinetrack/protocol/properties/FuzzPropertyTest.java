package dev.spinetrack.protocol.properties;

import dev.spinetrack.protocol.DecodeError;
import dev.spinetrack.protocol.DecodeResult;
import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.NotificationPacker;
import dev.spinetrack.protocol.gatt.PacketReassembler;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.gatt.SampleFrameCodec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.Combinators;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100,000 random and mutated byte arrays per run go into every decoder and into one
 * long-lived reassembler: each must give a value or a typed {@link DecodeError}, never throw.
 * A value must re-encode to exactly the input (the encoding is canonical), and a decoder's
 * error offset must lie within the input.
 */
class FuzzPropertyTest {

    private static final int RUNS = 100_000;

    /** Outlives the tries of a property, so reassembly state carries across inputs as on a real link. */
    private final PacketReassembler reassembler = new PacketReassembler();

    @Provide
    Arbitrary<byte[]> hostileBytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> validFrame = ProtocolArbitraries.frames().map(SampleFrameCodec::encode);
        Arbitrary<byte[]> validCaps = ProtocolArbitraries.capabilities().map(CapabilitiesCodec::encode);
        Arbitrary<byte[]> validCommand = ProtocolArbitraries.commands().map(ControlCodec::encode);
        Arbitrary<byte[]> validResult = ProtocolArbitraries.results().map(ControlCodec::encode);
        Arbitrary<byte[]> notification = Arbitraries.lazy(() -> ProtocolArbitraries.frames().list().ofMinSize(1).ofMaxSize(4)
                .flatMap(fs -> ProtocolArbitraries.mtus().flatMap(mtu -> Arbitraries.of(NotificationPacker.pack(fs, mtu)))));
        Arbitrary<byte[]> valid = Arbitraries.oneOf(validFrame, validCaps, validCommand, validResult, notification);
        Arbitrary<byte[]> mutated = Mutations.mutate(valid);
        return Arbitraries.frequencyOf(
                Tuple.of(3, random),
                Tuple.of(6, mutated),
                Tuple.of(1, valid));
    }

    @Property(tries = RUNS, shrinking = ShrinkingMode.OFF)
    void anyBytesDecodeToAValueOrATypedError(@ForAll("hostileBytes") byte[] bytes) {
        byte[] copy = bytes.clone();

        DecodeResult<SampleFrame> frame = SampleFrameCodec.decode(bytes);
        checkCanonical(frame, bytes, SampleFrameCodec::encode);

        DecodeResult<List<SampleFrame>> packet = SampleFrameCodec.decodePacket(bytes);
        checkOutcome(packet, bytes);

        checkCanonical(CapabilitiesCodec.decode(bytes), bytes, CapabilitiesCodec::encode);
        checkCanonical(ControlCodec.decodeCommand(bytes), bytes, ControlCodec::encode);
        checkCanonical(ControlCodec.decodeResult(bytes), bytes, ControlCodec::encode);

        PacketReassembler.Outcome o = reassembler.accept(bytes);
        assertNotNull(o);
        // Reassembly errors point into the packet built from several notifications, so their
        // offsets may lie past this notification; they must still name a field.
        o.errors().forEach(e -> assertTrue(!e.field().isEmpty() && !e.detail().isEmpty(), e::toString));

        assertArrayEquals(copy, bytes, "a decoder modified its input");
    }

    private static <T> void checkOutcome(DecodeResult<T> r, byte[] input) {
        assertNotNull(r);
        DecodeError e = r.errorOrNull();
        if (e != null) {
            assertTrue(e.offset() <= input.length, () -> "offset past the input: " + e);
            assertTrue(!e.field().isEmpty() && !e.detail().isEmpty(), e::toString);
        }
    }

    private static <T> void checkCanonical(DecodeResult<T> r, byte[] input, java.util.function.Function<T, byte[]> encode) {
        checkOutcome(r, input);
        if (r instanceof DecodeResult.Ok<T> ok) {
            assertEquals(Arrays.toString(input), Arrays.toString(encode.apply(ok.value())),
                    "a decoded value must re-encode to its input");
        }
    }

    /** Mutations that imitate radio and firmware faults on otherwise valid bytes. */
    static final class Mutations {
        private Mutations() {
        }

        static Arbitrary<byte[]> mutate(Arbitrary<byte[]> valid) {
            return Combinators.combine(valid, Arbitraries.randoms()).as(Mutations::mutateOnce);
        }

        private static byte[] mutateOnce(byte[] b, Random rnd) {
            byte[] out = b;
            int mutations = 1 + rnd.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                switch (rnd.nextInt(6)) {
                    case 0 -> { // flip one bit
                        if (out.length > 0) {
                            out = out.clone();
                            out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
                        }
                    }
                    case 1 -> { // overwrite one byte with an extreme or random value
                        if (out.length > 0) {
                            out = out.clone();
                            int[] extremes = {0x00, 0xFF, 0x7F, 0x80, 0x01, rnd.nextInt(256)};
                            out[rnd.nextInt(out.length)] = (byte) extremes[rnd.nextInt(extremes.length)];
                        }
                    }
                    case 2 -> out = Arrays.copyOf(out, out.length == 0 ? 0 : rnd.nextInt(out.length)); // truncate
                    case 3 -> { // append garbage
                        byte[] tail = new byte[1 + rnd.nextInt(8)];
                        rnd.nextBytes(tail);
                        byte[] grown = Arrays.copyOf(out, out.length + tail.length);
                        System.arraycopy(tail, 0, grown, out.length, tail.length);
                        out = grown;
                    }
                    case 4 -> { // drop one byte from the middle
                        if (out.length > 1) {
                            int at = rnd.nextInt(out.length);
                            byte[] shorter = new byte[out.length - 1];
                            System.arraycopy(out, 0, shorter, 0, at);
                            System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                            out = shorter;
                        }
                    }
                    default -> { // duplicate a slice, as a repeated fragment would
                        if (out.length > 1) {
                            int from = rnd.nextInt(out.length);
                            int len = 1 + rnd.nextInt(out.length - from);
                            byte[] grown = Arrays.copyOf(out, out.length + len);
                            System.arraycopy(out, from, grown, out.length, len);
                            out = grown;
                        }
                    }
                }
            }
            return out;
        }
    }
}
