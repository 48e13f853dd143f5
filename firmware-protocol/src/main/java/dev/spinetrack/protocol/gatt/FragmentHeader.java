package dev.spinetrack.protocol.gatt;

/**
 * The one-byte header of every sample-stream notification (PROTOCOL.md §4): bit 7 marks the
 * first fragment of a packet, bit 6 the last, bits 0-5 count fragments within the packet.
 *
 * @param first this notification starts a packet
 * @param last  this notification ends a packet
 * @param index fragment number within the packet, 0..63
 */
public record FragmentHeader(boolean first, boolean last, int index) {

    /** Most fragments one packet may span. */
    public static final int MAX_FRAGMENTS = 64;

    public FragmentHeader {
        if (index < 0 || index >= MAX_FRAGMENTS) {
            throw new IllegalArgumentException("fragment index must be 0..63, was " + index);
        }
        if (first && index != 0) {
            throw new IllegalArgumentException("a first fragment has index 0");
        }
    }

    public int toByte() {
        return (first ? 0x80 : 0) | (last ? 0x40 : 0) | index;
    }

    /** Reads a header byte; a first fragment with a non-zero index is not representable. */
    static FragmentHeader ofByteUnchecked(int b) {
        return new FragmentHeader((b & 0x80) != 0 && (b & 0x3F) == 0, (b & 0x40) != 0, b & 0x3F);
    }
}
