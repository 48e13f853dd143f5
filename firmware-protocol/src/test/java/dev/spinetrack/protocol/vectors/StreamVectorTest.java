package dev.spinetrack.protocol.vectors;

import dev.spinetrack.protocol.DecodeError;
import dev.spinetrack.protocol.gatt.NotificationPacker;
import dev.spinetrack.protocol.gatt.PacketReassembler;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.mqtt.SequenceUnwrapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Vectors spanning several notifications or readings: packing, reassembly, unwrapping. */
class StreamVectorTest {

    static List<ProtocolVectors.Packing> packings() {
        return ProtocolVectors.packings();
    }

    static List<ProtocolVectors.Reassembly> reassemblies() {
        return ProtocolVectors.reassemblies();
    }

    static List<ProtocolVectors.Unwrap> unwraps() {
        return ProtocolVectors.unwraps();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packings")
    void framesPackIntoExactlyTheseNotifications(ProtocolVectors.Packing v) {
        List<byte[]> actual = NotificationPacker.pack(v.frames(), v.mtu());
        assertEquals(hex(v.notifications()), hex(actual));
        int limit = v.mtu() - 3;
        actual.forEach(n -> assertEquals(true, n.length <= limit, "notification longer than " + limit + " bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packings")
    void notificationsReassembleIntoTheFrames(ProtocolVectors.Packing v) {
        PacketReassembler r = new PacketReassembler();
        List<SampleFrame> frames = new ArrayList<>();
        List<DecodeError> errors = new ArrayList<>();
        for (byte[] n : v.notifications()) {
            PacketReassembler.Outcome o = r.accept(n);
            frames.addAll(o.frames());
            errors.addAll(o.errors());
        }
        assertEquals(List.of(), errors);
        assertEquals(v.frames(), frames);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reassemblies")
    void faultyNotificationsGiveTheseFramesAndErrors(ProtocolVectors.Reassembly v) {
        PacketReassembler r = new PacketReassembler();
        List<SampleFrame> frames = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (byte[] n : v.notifications()) {
            PacketReassembler.Outcome o = r.accept(n);
            frames.addAll(o.frames());
            o.errors().forEach(e -> errors.add(e.code()));
        }
        assertEquals(v.errors(), errors);
        assertEquals(v.frames(), frames);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unwraps")
    void readingsUnwrapToTheseValues(ProtocolVectors.Unwrap v) {
        SequenceUnwrapper u = new SequenceUnwrapper();
        List<Long> actual = new ArrayList<>();
        v.in().forEach(x -> actual.add(u.unwrap(x)));
        assertEquals(v.out(), actual);
    }

    private static List<String> hex(List<byte[]> notifications) {
        return notifications.stream().map(Hex::format).toList();
    }
}
