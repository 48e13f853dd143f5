package dev.spinetrack.protocol.bench;

import dev.spinetrack.protocol.gatt.NotificationPacker;
import dev.spinetrack.protocol.gatt.PacketReassembler;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.gatt.SampleFrameCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of turning device bytes into frames, per frame: a ball frame, a 16-cell rack frame,
 * a rack frame reassembled from its three MTU-23 notifications, and five rack frames packed
 * in one MTU-247 notification. Run by hand (README, section Protocol), e.g.
 * {@code ./mvnw -B -pl firmware-protocol test-compile exec:exec -Djmh.args="FrameDecode -wi 2 -i 3 -f 1"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameDecodeBenchmark {

    private static final int PACKED_FRAMES = 5;

    private byte[] ballFrame;
    private byte[] rackFrame;
    private List<byte[]> rackMtu23;
    private byte[] rackPackedMtu247;
    private PacketReassembler reassembler;

    @Setup
    public void setUp() {
        ballFrame = SampleFrameCodec.encode(new SampleFrame(123_456, 987_654, 1250, -300, new int[] {4096}, 87, true, true));
        int[] p = new int[16];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1000 + 37 * i;
        }
        SampleFrame rack = new SampleFrame(1000, 60_000, -1500, 250, p, 55, false, true);
        rackFrame = SampleFrameCodec.encode(rack);
        rackMtu23 = NotificationPacker.pack(List.of(rack), 23);
        List<SampleFrame> five = new ArrayList<>();
        for (int i = 0; i < PACKED_FRAMES; i++) {
            five.add(new SampleFrame(1000 + i, 60_000 + 10L * i, -1500, 250, p, 55, false, true));
        }
        List<byte[]> packed = NotificationPacker.pack(five, 247);
        if (rackMtu23.size() != 3 || packed.size() != 1) {
            throw new IllegalStateException("unexpected packing: " + rackMtu23.size() + ", " + packed.size());
        }
        rackPackedMtu247 = packed.get(0);
        reassembler = new PacketReassembler();
    }

    @Benchmark
    public Object decodeBallFrame() {
        return SampleFrameCodec.decode(ballFrame);
    }

    @Benchmark
    public Object decodeRack16Frame() {
        return SampleFrameCodec.decode(rackFrame);
    }

    @Benchmark
    public void reassembleRack16FromMtu23(Blackhole bh) {
        for (byte[] n : rackMtu23) {
            bh.consume(reassembler.accept(n));
        }
    }

    @Benchmark
    @OperationsPerInvocation(PACKED_FRAMES)
    public Object reassembleFiveRack16InOneMtu247Notification() {
        return reassembler.accept(rackPackedMtu247);
    }
}
