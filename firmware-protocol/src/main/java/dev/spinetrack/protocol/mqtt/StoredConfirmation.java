package dev.spinetrack.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Objects;

/**
 * The server's end-to-end confirmation on {@code …/{device}/stored} (PROTOCOL.md §7.6): the
 * sample batches of one device and boot that are committed to storage (or that can never be
 * stored and were counted as rejected), each named by the seq of its first and last sample.
 * A gateway deletes a batch from its durable queue only when a confirmation covers it.
 *
 * @param v       payload version, 1
 * @param gateway gateway id, as in the topic
 * @param device  device id, as in the topic
 * @param boot    the boot counter of the confirmed batches (0, omitted, for devices without one)
 * @param ranges  1..1000 {@code [firstSeq, lastSeq]} pairs, first ≤ last
 * @param bundles whether the sending server reads sample bundles (§7.7), so the gateway may send
 *                them; false (omitted on the wire) from servers before bundles. Added within v1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoredConfirmation(@JsonProperty("v") int v, @JsonProperty("gateway") String gateway,
                                 @JsonProperty("device") String device,
                                 @JsonProperty("boot") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long boot,
                                 @JsonProperty("ranges") List<long[]> ranges,
                                 @JsonProperty("bundles") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean bundles) {

    /** Most ranges in one confirmation. */
    public static final int MAX_RANGES = 1000;

    @JsonCreator
    public StoredConfirmation {
        if (v != 1) {
            throw new IllegalArgumentException("v must be 1, was " + v);
        }
        if (!Topics.validGatewayId(gateway)) {
            throw new IllegalArgumentException("gateway is not a valid gateway id: " + gateway);
        }
        if (!Topics.validDeviceId(device)) {
            throw new IllegalArgumentException("device must be 12 lower-case hex digits, was " + device);
        }
        if (boot < 0 || boot > SampleBatch.MAX_BOOT) {
            throw new IllegalArgumentException("boot must be in 0.." + SampleBatch.MAX_BOOT + ", was " + boot);
        }
        Objects.requireNonNull(ranges, "ranges");
        if (ranges.isEmpty() || ranges.size() > MAX_RANGES) {
            throw new IllegalArgumentException("ranges must hold 1.." + MAX_RANGES + ", held " + ranges.size());
        }
        ranges = List.copyOf(ranges);
        for (int i = 0; i < ranges.size(); i++) {
            long[] r = ranges.get(i);
            if (r == null || r.length != 2 || r[0] < 0 || r[1] < r[0]) {
                throw new IllegalArgumentException("ranges[" + i + "] must be [first, last] with 0 <= first <= last");
            }
        }
    }

    /** A confirmation from a server that does not say it reads bundles. */
    public StoredConfirmation(int v, String gateway, String device, long boot, List<long[]> ranges) {
        this(v, gateway, device, boot, ranges, false);
    }

    /** A confirmation of the given {@code [first, last]} ranges. */
    public static StoredConfirmation of(String gateway, String device, long boot, List<long[]> ranges) {
        return new StoredConfirmation(1, gateway, device, boot, ranges, false);
    }

    /** The same confirmation, saying whether its server reads sample bundles. */
    public StoredConfirmation withBundles(boolean readsBundles) {
        return new StoredConfirmation(v, gateway, device, boot, ranges, readsBundles);
    }

    /** Whether a batch of this device and boot with the given first and last seq is covered. */
    public boolean covers(long batchBoot, long first, long last) {
        if (batchBoot != boot) {
            return false;
        }
        for (long[] r : ranges) {
            if (r[0] <= first && last <= r[1]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StoredConfirmation other) || v != other.v || boot != other.boot || bundles != other.bundles
                || !gateway.equals(other.gateway) || !device.equals(other.device)
                || ranges.size() != other.ranges.size()) {
            return false;
        }
        for (int i = 0; i < ranges.size(); i++) {
            if (!java.util.Arrays.equals(ranges.get(i), other.ranges.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(v, gateway, device, boot, bundles);
        for (long[] r : ranges) {
            h = 31 * h + java.util.Arrays.hashCode(r);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("StoredConfirmation[" + gateway + "/" + device + " boot " + boot + ":");
        for (long[] r : ranges) {
            b.append(' ').append(r[0]).append("..").append(r[1]);
        }
        return b.append(']').toString();
    }
}
