package dev.spinetrack.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Objects;

/**
 * A batch of samples of one device, published QoS 1 on {@code …/{device}/samples}
 * (PROTOCOL.md §7.2). Samples are in ascending {@code seq}; a batch may be redelivered, so
 * receivers drop samples whose (device, seq) they already hold.
 *
 * @param v        payload version, 1
 * @param gateway  gateway id
 * @param device   device id
 * @param batch    gateway-local batch counter, for logs and tracing
 * @param sentAt   gateway wall clock when the batch was sealed, epoch ms
 * @param samples  1..10000 samples
 * @param boot     the device's boot counter when it produced these samples (PROTOCOL.md §3.3);
 *                 0 (omitted on the wire) for a device without a boot record. A sample's identity
 *                 is (device, boot, seq).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SampleBatch(@JsonProperty("v") int v, @JsonProperty("gateway") String gateway,
                          @JsonProperty("device") String device, @JsonProperty("batch") long batch,
                          @JsonProperty("sentAt") long sentAt, @JsonProperty("samples") List<Sample> samples,
                          @JsonProperty("boot") @JsonInclude(JsonInclude.Include.NON_DEFAULT) Long boot) {

    /** Payload version this record reads and writes. */
    public static final int VERSION = 1;
    /** Most samples in one batch. */
    public static final int MAX_SAMPLES = 10_000;
    /** Boot counters a batch may carry: below 2^23, so (boot, seq) orders into one 63-bit position. */
    public static final long MAX_BOOT = (1L << 23) - 1;
    /**
     * Sequence numbers a batch may carry on the wire: below 2^40 (34 years at 1000 Hz). Checked by
     * receivers that fold (boot, seq) into one position, not here: such a receiver builds batches of
     * positions with this record.
     */
    public static final long MAX_SEQ = (1L << 40) - 1;

    @JsonCreator
    public SampleBatch {
        if (v != VERSION) {
            throw new IllegalArgumentException("v must be 1, was " + v);
        }
        if (!Topics.validGatewayId(gateway)) {
            throw new IllegalArgumentException("gateway is not a valid gateway id: " + gateway);
        }
        if (!Topics.validDeviceId(device)) {
            throw new IllegalArgumentException("device must be 12 lower-case hex digits, was " + device);
        }
        Objects.requireNonNull(samples, "samples");
        if (samples.isEmpty() || samples.size() > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must hold 1.." + MAX_SAMPLES + ", held " + samples.size());
        }
        // boxed so that a batch without the member (every v1 gateway before it) reads as boot 0
        // under any data-binding settings; never null after this
        boot = boot == null ? 0L : boot;
        if (boot < 0 || boot > MAX_BOOT) {
            throw new IllegalArgumentException("boot must be in 0.." + MAX_BOOT + ", was " + boot);
        }
        samples = List.copyOf(samples);
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).seq() <= samples.get(i - 1).seq()) {
                throw new IllegalArgumentException("samples[" + i + "].seq " + samples.get(i).seq()
                        + " is not above the previous " + samples.get(i - 1).seq());
            }
        }
    }

    /** A batch of a device without a boot record (boot 0). */
    public SampleBatch(int v, String gateway, String device, long batch, long sentAt, List<Sample> samples) {
        this(v, gateway, device, batch, sentAt, samples, 0L);
    }

    public static SampleBatch of(String gateway, String device, long batch, long sentAt, List<Sample> samples) {
        return new SampleBatch(VERSION, gateway, device, batch, sentAt, samples, 0L);
    }

    public static SampleBatch of(String gateway, String device, long boot, long batch, long sentAt,
                                 List<Sample> samples) {
        return new SampleBatch(VERSION, gateway, device, batch, sentAt, samples, boot);
    }

    /** Sequence number of the first sample. */
    public long firstSeq() {
        return samples.get(0).seq();
    }

    /** Sequence number of the last sample. */
    public long lastSeq() {
        return samples.get(samples.size() - 1).seq();
    }
}
