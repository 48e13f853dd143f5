package dev.spinetrack.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.Topics;

/**
 * Reads the confirmation key from a sample batch that failed validation, so that a batch which
 * can never be stored is still confirmed and the gateway stops sending it (PROTOCOL.md §7.6).
 * Lenient on purpose: only the members a key needs are read.
 */
final class BatchKeyScan {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchKeyScan() {
    }

    /** The key, or null when even that cannot be read (then nothing can be confirmed). */
    static ConfirmKey of(Topics.TopicAddress a, byte[] payload) {
        try {
            return key(JSON.readTree(payload), a.gateway(), a.device(), false);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The key of batch bytes {@code offset}..{@code offset + length} of a bundle from
     * {@code gateway} (the topic's: the one its confirmation goes to), or null. The device is the
     * batch's own, since a bundle's topic names none; a batch naming no valid device cannot be
     * confirmed.
     */
    static ConfirmKey ofBundled(String gateway, byte[] payload, int offset, int length) {
        try {
            JsonNode n = JSON.readTree(payload, offset, length);
            String device = n.path("device").isTextual() ? n.path("device").asText() : null;
            return Topics.validDeviceId(device) ? key(n, gateway, device, true) : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static ConfirmKey key(JsonNode n, String gateway, String device, boolean bundled) {
        JsonNode samples = n.path("samples");
        if (!samples.isArray() || samples.isEmpty()) {
            return null;
        }
        JsonNode first = samples.get(0).path("seq");
        JsonNode last = samples.get(samples.size() - 1).path("seq");
        long boot = n.path("boot").asLong(0);
        if (!first.canConvertToLong() || !last.canConvertToLong() || first.asLong() < 0
                || last.asLong() < first.asLong() || boot < 0 || boot > SampleBatch.MAX_BOOT) {
            return null;
        }
        return new ConfirmKey(gateway, device, boot, first.asLong(), last.asLong(), bundled);
    }
}
