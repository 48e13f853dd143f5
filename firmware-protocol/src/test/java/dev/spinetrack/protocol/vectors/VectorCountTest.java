package dev.spinetrack.protocol.vectors;

import dev.spinetrack.protocol.gatt.ControlOpcode;
import dev.spinetrack.protocol.gatt.ControlResult;
import dev.spinetrack.protocol.gatt.ResultCode;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the vector file: a dropped or unread vector group fails here, since the
 * parameterized tests would otherwise just run fewer cases.
 */
class VectorCountTest {

    @Test
    void everyGroupHoldsExactlyTheVectorsItWasWrittenWith() {
        Map<String, Integer> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("frames.valid", 16), Map.entry("frames.invalid", 18),
                Map.entry("capabilities.valid", 3), Map.entry("capabilities.invalid", 17),
                Map.entry("commands.valid", 13), Map.entry("commands.invalid", 15),
                Map.entry("results.valid", 7), Map.entry("results.invalid", 7),
                Map.entry("packing.valid", 6), Map.entry("reassembly.invalid", 9),
                Map.entry("unwrap.valid", 4), Map.entry("focus.valid", 3),
                Map.entry("boot.valid", 3), Map.entry("boot.invalid", 4)));
        assertEquals(expected, ProtocolVectors.groupSizes());
        int valid = expected.entrySet().stream().filter(e -> e.getKey().endsWith(".valid"))
                .mapToInt(Map.Entry::getValue).sum();
        int invalid = expected.entrySet().stream().filter(e -> e.getKey().endsWith(".invalid"))
                .mapToInt(Map.Entry::getValue).sum();
        assertTrue(valid >= 25, "at least 25 valid vectors, have " + valid);
        assertTrue(invalid >= 15, "at least 15 invalid vectors, have " + invalid);
    }

    @Test
    void everyOpcodeAndEveryResultCodeHasAVector() {
        Set<ControlOpcode> opcodes = EnumSet.noneOf(ControlOpcode.class);
        ProtocolVectors.validCommands().forEach(v -> opcodes.add(v.value().opcode()));
        assertEquals(EnumSet.allOf(ControlOpcode.class), opcodes);
        Set<ResultCode> results = EnumSet.noneOf(ResultCode.class);
        ProtocolVectors.validResults().stream().map(ProtocolVectors.Valid::value).map(ControlResult::result)
                .forEach(results::add);
        assertEquals(EnumSet.allOf(ResultCode.class), results);
    }

    @Test
    void fragmentationIsCoveredAtTheSmallestAndLargestMtu() {
        Set<Integer> mtus = new java.util.TreeSet<>();
        ProtocolVectors.packings().forEach(p -> mtus.add(p.mtu()));
        assertTrue(mtus.contains(23) && mtus.contains(247), "MTUs covered: " + mtus);
        assertTrue(ProtocolVectors.packings().stream().anyMatch(p -> p.notifications().size() > 1 && p.frames().size() == 1),
                "a frame split over several notifications");
        assertTrue(ProtocolVectors.packings().stream().anyMatch(p -> p.notifications().size() == 1 && p.frames().size() > 1),
                "several frames packed into one notification");
    }
}
