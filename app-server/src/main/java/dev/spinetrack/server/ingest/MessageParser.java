package dev.spinetrack.server.ingest;

import dev.spinetrack.server.payload.BadPayloadException;
import dev.spinetrack.server.payload.BundleSlices;
import dev.spinetrack.server.payload.PayloadReader;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an MQTT message into the protocol record its topic names, or a refusal with a reason:
 * unknown topic, bad JSON, an invalid record, or a payload naming another device than its topic.
 * A sample bundle (PROTOCOL.md §7.7) turns into one result per batch, each as if that batch had
 * come alone on its device's topic.
 */
final class MessageParser {

    private final PayloadReader payloads;

    MessageParser(PayloadReader payloads) {
        this.payloads = payloads;
    }

    /**
     * A message parsed, or refused with a reason.
     *
     * @param confirm for a sample batch, what its {@code stored} confirmation names (also for a refused
     *                batch whose key could be read, so the gateway stops sending it); else null
     */
    record Parsed(Object payload, String rejectKind, String rejectReason, ConfirmKey confirm) {
        Parsed(Object payload, String rejectKind, String rejectReason) {
            this(payload, rejectKind, rejectReason, null);
        }

        static Parsed refused(String kind, String reason) {
            return new Parsed(null, kind, reason);
        }
    }

    /**
     * Largest physical pressure a device can report: 65534 counts at 65.535 units per count
     * (PROTOCOL.md §2). Anything above was not measured.
     */
    static final double MAX_PHYSICAL_PRESSURE = 65534 * 65.535;

    /**
     * Parses a message into what it carries: one result per batch for a sample bundle, in the
     * bundle's order, else exactly one, as {@link #parse}. A bundle that cannot be split at all is
     * one refusal.
     */
    List<Parsed> parseAll(String topic, byte[] payload) {
        Optional<Topics.TopicAddress> address = Topics.parse(topic);
        if (address.isPresent() && address.get().kind() == Topics.TopicAddress.Kind.SAMPLE_BUNDLE) {
            return bundle(address.get(), payload);
        }
        return List.of(parse(address, payload));
    }

    /**
     * Parses a message; a null payload with no refusal means there is nothing to do.
     *
     * @throws IllegalArgumentException for a sample bundle, which is several messages: {@link #parseAll}
     */
    Parsed parse(String topic, byte[] payload) {
        return parse(Topics.parse(topic), payload);
    }

    private Parsed parse(Optional<Topics.TopicAddress> address, byte[] payload) {
        if (address.isEmpty()) {
            return Parsed.refused("unknown-topic", "not a SpineTrack topic");
        }
        Topics.TopicAddress a = address.get();
        try {
            switch (a.kind()) {
                case SAMPLES -> {
                    return samples(a, payload);
                }
                case INFO -> {
                    if (payload.length == 0) {
                        return new Parsed(null, null, null); // a cleared retained message
                    }
                    DeviceInfo info = payloads.read(payload, DeviceInfo.class);
                    requireSameDevice(a, info.device(), info.gateway());
                    return new Parsed(info, null, null);
                }
                case DEVICE_STATUS -> {
                    if (payload.length == 0) {
                        return new Parsed(null, null, null);
                    }
                    DeviceStatus status = payloads.read(payload, DeviceStatus.class);
                    requireSameDevice(a, status.device(), status.gateway());
                    return new Parsed(status, null, null);
                }
                case GATEWAY_STATUS -> {
                    if (payload.length == 0) {
                        return new Parsed(null, null, null);
                    }
                    GatewayStatus status = payloads.read(payload, GatewayStatus.class);
                    if (!a.gateway().equals(status.gateway())) {
                        throw new BadPayloadException("payload names gateway " + status.gateway()
                                + " but the topic names gateway " + a.gateway());
                    }
                    return new Parsed(status, null, null);
                }
                case SAMPLE_BUNDLE -> throw new IllegalArgumentException("a sample bundle is read by parseAll");
                default -> {
                    return new Parsed(null, null, null); // stored confirmations are the server's own
                }
            }
        } catch (BadPayloadException e) {
            return Parsed.refused("bad-payload", e.getMessage());
        }
    }

    private Parsed samples(Topics.TopicAddress a, byte[] payload) {
        SampleBatch batch;
        try {
            batch = payloads.readBatch(payload);
        } catch (BadPayloadException e) {
            return new Parsed(null, "bad-payload", e.getMessage(), BatchKeyScan.of(a, payload));
        }
        requireSameDevice(a, batch.device(), batch.gateway());
        return checked(batch, ConfirmKey.of(batch));
    }

    /**
     * A bundle's batches, each read in place and checked as {@link #samples} checks a batch on
     * its device's topic, except that the device is the batch's own: a batch naming another
     * gateway than the topic is refused, with a key (the topic's gateway, its device) so that it
     * is confirmed like any batch that can never be stored (PROTOCOL.md §7.7).
     */
    private List<Parsed> bundle(Topics.TopicAddress a, byte[] payload) {
        BundleSlices slices;
        try {
            slices = payloads.splitBundle(payload);
        } catch (BadPayloadException e) {
            return List.of(Parsed.refused("bad-payload", "sample bundle: " + e.getMessage()));
        }
        if (!a.gateway().equals(slices.gateway())) {
            return List.of(Parsed.refused("bad-payload", "sample bundle names gateway " + slices.gateway()
                    + " but the topic names gateway " + a.gateway()));
        }
        List<Parsed> out = new ArrayList<>(slices.size());
        for (int i = 0; i < slices.size(); i++) {
            out.add(bundled(a.gateway(), payload, slices.offset(i), slices.length(i), i));
        }
        return out;
    }

    private Parsed bundled(String gateway, byte[] payload, int offset, int length, int index) {
        SampleBatch batch;
        try {
            batch = payloads.readBatch(payload, offset, length);
        } catch (BadPayloadException e) {
            return new Parsed(null, "bad-payload", "batches[" + index + "]: " + e.getMessage(),
                    BatchKeyScan.ofBundled(gateway, payload, offset, length));
        }
        ConfirmKey key = new ConfirmKey(gateway, batch.device(), batch.boot(), batch.firstSeq(), batch.lastSeq(), true);
        if (!gateway.equals(batch.gateway())) {
            return new Parsed(null, "bad-payload", "batches[" + index + "] names gateway " + batch.gateway()
                    + " but the topic names gateway " + gateway, key);
        }
        Parsed p = checked(batch, key);
        return p.rejectKind() == null ? p
                : new Parsed(null, p.rejectKind(), "batches[" + index + "]: " + p.rejectReason(), key);
    }

    /** The batch as positions, or refused when a value lies beyond what any device sends. */
    private static Parsed checked(SampleBatch batch, ConfirmKey key) {
        if (batch.lastSeq() > SampleBatch.MAX_SEQ) {
            return new Parsed(null, "out-of-range", "seq " + batch.lastSeq() + " is beyond 2^40 - 1", key);
        }
        for (int i = 0; i < batch.samples().size(); i++) {
            double[] p = batch.samples().get(i).p();
            for (int c = 0; c < p.length; c++) {
                if (p[c] > MAX_PHYSICAL_PRESSURE) {
                    return new Parsed(null, "out-of-range", "samples[" + i + "].p[" + c + "] = " + p[c]
                            + " is beyond any device's range (" + MAX_PHYSICAL_PRESSURE + ")", key);
                }
            }
        }
        return new Parsed(SampleIdentity.toPositions(batch), null, null, key);
    }

    private static void requireSameDevice(Topics.TopicAddress a, String device, String gateway) {
        if (!a.device().equals(device) || !a.gateway().equals(gateway)) {
            throw new BadPayloadException("payload names gateway " + gateway + " device " + device
                    + " but the topic names gateway " + a.gateway() + " device " + a.device());
        }
    }
}
