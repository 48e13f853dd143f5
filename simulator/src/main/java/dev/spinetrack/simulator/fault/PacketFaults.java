package dev.spinetrack.simulator.fault;

import dev.spinetrack.protocol.gatt.NotificationPacker;
import dev.spinetrack.protocol.gatt.SampleFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Packs one connection event's frames into notifications for the link's MTU and applies the
 * transport faults packet by packet: a dropped packet loses all its notifications (a seq gap
 * at the central), a duplicated one arrives twice, a corrupted one has its first frame's
 * version byte overwritten so the central's decoder reports it (the protocol carries no
 * checksum, so a flipped pressure bit would pass unseen; the simulator injects what a
 * decoder can detect). Three random draws per packet whatever the rates, so the stream of
 * draws, hence the bytes, depend only on the seed and the packets.
 */
public final class PacketFaults {

    /** Byte written over a corrupted frame's version byte. */
    public static final byte CORRUPT_VERSION = (byte) 0xEE;

    /** A fault applied to one packet. */
    public record Applied(FaultType type, long firstSeq, long lastSeq, String detail) {
    }

    /** Notifications to deliver, in order, and the faults applied. */
    public record Outcome(List<byte[]> notifications, List<Applied> faults) {
    }

    private final DeviceFaults faults;
    private final SplittableRandom random;

    public PacketFaults(DeviceFaults faults, long seed, int deviceIndex) {
        this.faults = faults;
        this.random = new SplittableRandom(seed ^ (0xFA17L + deviceIndex * 0x9E3779B97F4A7C15L));
    }

    /** Packs and faults one event's frames. */
    public Outcome apply(List<SampleFrame> frames, int mtu) {
        List<byte[]> out = new ArrayList<>();
        List<Applied> applied = new ArrayList<>(0);
        for (List<SampleFrame> packet : packets(frames, mtu)) {
            List<byte[]> notes = NotificationPacker.pack(packet, mtu);
            double drop = random.nextDouble();
            double corrupt = random.nextDouble();
            double dup = random.nextDouble();
            long first = packet.get(0).sequence();
            long last = packet.get(packet.size() - 1).sequence();
            if (drop < faults.dropRate()) {
                applied.add(new Applied(FaultType.DROP, first, last, "packet of seq " + range(first, last)
                        + " (" + notes.size() + " notification(s)) not delivered"));
                continue;
            }
            if (corrupt < faults.corruptRate()) {
                byte[] head = notes.get(0).clone();
                head[1] = CORRUPT_VERSION;
                notes = new ArrayList<>(notes);
                notes.set(0, head);
                applied.add(new Applied(FaultType.CORRUPT, first, last, "packet of seq " + range(first, last)
                        + ": version byte (notification byte 1) overwritten with 0xEE"));
            }
            out.addAll(notes);
            if (dup < faults.duplicateRate()) {
                out.addAll(notes);
                applied.add(new Applied(FaultType.DUPLICATE, first, last, "packet of seq " + range(first, last)
                        + " delivered twice"));
            }
        }
        return new Outcome(out, applied);
    }

    /** Groups frames into packets exactly as {@link NotificationPacker#pack} does. */
    static List<List<SampleFrame>> packets(List<SampleFrame> frames, int mtu) {
        int cap = NotificationPacker.capacity(mtu);
        List<List<SampleFrame>> out = new ArrayList<>();
        List<SampleFrame> current = new ArrayList<>();
        int fill = 0;
        for (SampleFrame f : frames) {
            int len = f.encodedLength();
            if (len > cap) {
                if (!current.isEmpty()) {
                    out.add(current);
                    current = new ArrayList<>();
                    fill = 0;
                }
                out.add(List.of(f));
                continue;
            }
            if (fill + len > cap) {
                out.add(current);
                current = new ArrayList<>();
                fill = 0;
            }
            current.add(f);
            fill += len;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static String range(long a, long b) {
        return a == b ? Long.toString(a) : a + ".." + b;
    }
}
