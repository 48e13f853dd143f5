package dev.spinetrack.protocol.properties;

import dev.spinetrack.protocol.DecodeError;
import dev.spinetrack.protocol.DecodeResult;
import dev.spinetrack.protocol.gatt.CapabilitiesCodec;
import dev.spinetrack.protocol.gatt.ControlCodec;
import dev.spinetrack.protocol.gatt.PacketReassembler;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.gatt.SampleFrameCodec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * 100,000 random and mutated byte arrays per run (10 seeds x 10,000) go into every decoder
 * and into one long-lived reassembler per seed: each must give a value or a typed
 * {@link DecodeError}, never throw. A decoded value must re-encode to exactly its input
 * (the encoding is canonical), and a decoder's error must name a field within the input.
 */
class FuzzPropertyTest {

    private static final int SEEDS = 10;
    private static final int INPUTS_PER_SEED = 10_000;

    @Property(tries = SEEDS, shrinking = ShrinkingMode.OFF)
    void anyBytesDecodeToAValueOrATypedError(@ForAll long seed) {
        RandomInputs inputs = new RandomInputs(seed);
        // Kept across inputs so reassembly state carries over, as on a real link.
        PacketReassembler reassembler = new PacketReassembler();
        // What the inputs provoked, so a generator that degenerated to all-garbage or
        // all-valid input fails instead of passing vacuously.
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < INPUTS_PER_SEED; i++) {
            byte[] bytes = inputs.next();
            byte[] copy = bytes.clone();
            try {
                DecodeResult<SampleFrame> frame = SampleFrameCodec.decode(bytes);
                checkCanonical(frame, bytes, SampleFrameCodec::encode);
                seen.add(frame.isOk() ? "frame OK" : "frame " + frame.errorOrNull().kind());
                DecodeResult<List<SampleFrame>> packet = SampleFrameCodec.decodePacket(bytes);
                checkError(packet, bytes);
                checkCanonical(CapabilitiesCodec.decode(bytes), bytes, CapabilitiesCodec::encode);
                checkCanonical(ControlCodec.decodeCommand(bytes), bytes, ControlCodec::encode);
                checkCanonical(ControlCodec.decodeResult(bytes), bytes, ControlCodec::encode);
                // Reassembly errors point into the packet built from several notifications, so
                // their offsets may lie past this notification; they must still name a field.
                PacketReassembler.Outcome o = reassembler.accept(bytes);
                o.errors().forEach(e -> assertTrue(!e.field().isEmpty() && !e.detail().isEmpty(), e::toString));
                o.errors().forEach(e -> seen.add("reassembly " + e.kind()));
                if (!o.frames().isEmpty()) {
                    seen.add("reassembly frames");
                }
            } catch (RuntimeException | AssertionError e) {
                fail("seed " + seed + ", input " + i + " = " + HexFormat.of().formatHex(bytes) + ": " + e, e);
            }
            assertEquals(HexFormat.of().formatHex(copy), HexFormat.of().formatHex(bytes), "a decoder modified its input");
        }
        assertTrue(seen.containsAll(List.of("frame OK", "frame TRUNCATED", "frame BAD_VERSION", "frame BAD_LENGTH",
                "frame OUT_OF_RANGE", "reassembly frames", "reassembly BAD_FRAGMENT")), () -> "only provoked " + seen);
    }

    @Property(tries = 200)
    void mutatingAValidFrameGivesAValueOrTheRightKindOfError(@ForAll long seed) {
        RandomInputs inputs = new RandomInputs(seed);
        byte[] valid = SampleFrameCodec.encode(inputs.frame());
        byte[] mutated = inputs.mutate(valid);
        DecodeResult<SampleFrame> r = SampleFrameCodec.decode(mutated);
        if (mutated.length < valid.length && java.util.Arrays.equals(mutated, 0, mutated.length, valid, 0, mutated.length)) {
            // A clean truncation of a valid frame is reported as TRUNCATED, never as another kind.
            assertEquals("TRUNCATED", r.errorOrNull().kind().name(), r::toString);
        }
        checkCanonical(r, mutated, SampleFrameCodec::encode);
    }

    private static <T> void checkError(DecodeResult<T> r, byte[] input) {
        DecodeError e = r.errorOrNull();
        if (e != null) {
            assertTrue(e.offset() <= input.length, () -> "offset past the input: " + e);
            assertTrue(!e.field().isEmpty() && !e.detail().isEmpty(), e::toString);
        }
    }

    private static <T> void checkCanonical(DecodeResult<T> r, byte[] input, Function<T, byte[]> encode) {
        checkError(r, input);
        if (r instanceof DecodeResult.Ok<T> ok) {
            assertEquals(HexFormat.of().formatHex(input), HexFormat.of().formatHex(encode.apply(ok.value())),
                    "a decoded value must re-encode to its input");
        }
    }
}
