package dev.spinetrack.server.payload;

/**
 * A sample bundle (PROTOCOL.md §7.7) split but not read: its gateway, and where each of its
 * batches lies in the message's bytes, in the bundle's order. Each batch is read in place with
 * {@link PayloadReader#readBatch(byte[], int, int)}, so the bundle is never copied or held as a
 * JSON tree.
 */
public final class BundleSlices {

    private final String gateway;
    /** Offset and length of batch {@code i} at {@code 2i} and {@code 2i + 1}. */
    private final int[] bounds;
    private final int size;

    BundleSlices(String gateway, int[] bounds, int size) {
        this.gateway = gateway;
        this.bounds = bounds;
        this.size = size;
    }

    /** The bundle's {@code gateway} member, as sent (not yet compared with the topic). */
    public String gateway() {
        return gateway;
    }

    /** Batches in the bundle, 1..{@link dev.spinetrack.protocol.mqtt.SampleBundle#MAX_BATCHES}. */
    public int size() {
        return size;
    }

    /** Where batch {@code i}'s object starts in the message. */
    public int offset(int i) {
        return bounds[2 * java.util.Objects.checkIndex(i, size)];
    }

    /** How many bytes batch {@code i}'s object takes, from its opening to its closing brace. */
    public int length(int i) {
        return bounds[2 * java.util.Objects.checkIndex(i, size) + 1];
    }
}
