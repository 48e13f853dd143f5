package dev.spinetrack.protocol.gatt;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs frames into sample-stream notifications for a negotiated MTU (PROTOCOL.md §4):
 * whole frames share one notification while they fit; a frame that does not fit alone is
 * sent as its own packet split over consecutive notifications.
 */
public final class NotificationPacker {

    private NotificationPacker() {
    }

    /** Bytes of packet one notification carries at this MTU (ATT payload less the header). */
    public static int capacity(int mtu) {
        return GattProfile.attPayload(mtu) - 1;
    }

    /** Notifications for these frames, in order. */
    public static List<byte[]> pack(List<SampleFrame> frames, int mtu) {
        int cap = capacity(mtu);
        List<byte[]> out = new ArrayList<>();
        byte[] packet = new byte[cap];
        int fill = 0;
        for (SampleFrame frame : frames) {
            int len = frame.encodedLength();
            if (len > cap) {
                if (fill > 0) {
                    out.addAll(fragment(java.util.Arrays.copyOf(packet, fill), mtu));
                    fill = 0;
                }
                out.addAll(fragment(SampleFrameCodec.encode(frame), mtu));
                continue;
            }
            if (fill + len > cap) {
                out.addAll(fragment(java.util.Arrays.copyOf(packet, fill), mtu));
                fill = 0;
            }
            fill = SampleFrameCodec.encodeInto(frame, packet, fill);
        }
        if (fill > 0) {
            out.addAll(fragment(java.util.Arrays.copyOf(packet, fill), mtu));
        }
        return out;
    }

    /** Splits one packet into notifications of at most {@code mtu - 3} bytes each. */
    public static List<byte[]> fragment(byte[] packet, int mtu) {
        int cap = capacity(mtu);
        if (packet.length == 0) {
            throw new IllegalArgumentException("a packet has at least one byte");
        }
        int count = (packet.length + cap - 1) / cap;
        if (count > FragmentHeader.MAX_FRAGMENTS) {
            throw new IllegalArgumentException("packet of " + packet.length + " bytes needs " + count
                    + " fragments at MTU " + mtu + ", at most 64 allowed");
        }
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * cap;
            int len = Math.min(cap, packet.length - from);
            byte[] n = new byte[len + 1];
            n[0] = (byte) new FragmentHeader(i == 0, i == count - 1, i).toByte();
            System.arraycopy(packet, from, n, 1, len);
            out.add(n);
        }
        return out;
    }
}
