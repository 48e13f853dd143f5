package dev.spinetrack.server.ingest;

import dev.spinetrack.server.payload.BadPayloadException;
import dev.spinetrack.server.payload.PayloadReader;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
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

    /** A message parsed, or refused with a reason. */
    record Parsed(Object payload, String rejectKind, String rejectReason) {
        static Parsed refused(String kind, String reason) {
            return new Parsed(null, kind, reason);
        }
    }

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
                    SampleBatch batch = payloads.readBatch(payload);
                    requireSameDevice(a, batch.device(), batch.gateway());
                    return new Parsed(batch, null, null);
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
                default -> {
                    return new Parsed(null, null, null); // gateway status is not subscribed
                }
            }
        } catch (BadPayloadException e) {
            return Parsed.refused("bad-payload", e.getMessage());
        }
    }

    private static void requireSameDevice(Topics.TopicAddress a, String device, String gateway) {
        if (!a.device().equals(device) || !a.gateway().equals(gateway)) {
            throw new BadPayloadException("payload names gateway " + gateway + " device " + device
                    + " but the topic names gateway " + a.gateway() + " device " + a.device());
        }
    }
}
