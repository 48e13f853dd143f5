package dev.spinetrack.server.ingest;

import dev.spinetrack.server.payload.BadPayloadException;
import dev.spinetrack.server.payload.PayloadReader;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;

import java.util.Optional;

/**
 * Turns an MQTT message into the protocol record its topic names, or a refusal with a reason:
 * unknown topic, bad JSON, an invalid record, or a payload naming another device than its topic.
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

    /** Parses a message; a null payload with no refusal means there is nothing to do. */
    Parsed parse(String topic, byte[] payload) {
        Optional<Topics.TopicAddress> address = Topics.parse(topic);
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
        ConfirmKey key = ConfirmKey.of(batch);
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
