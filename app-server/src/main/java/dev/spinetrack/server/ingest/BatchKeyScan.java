package dev.spinetrack.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
            JsonNode n = JSON.readTree(payload);
            JsonNode samples = n.path("samples");
            if (!samples.isArray() || samples.isEmpty()) {
                return null;
            }
            JsonNode first = samples.get(0).path("seq");
            JsonNode last = samples.get(samples.size() - 1).path("seq");
            long boot = n.path("boot").asLong(0);
            if (!first.canConvertToLong() || !last.canConvertToLong() || first.asLong() < 0
                    || last.asLong() < first.asLong() || boot < 0) {
                return null;
            }
            return new ConfirmKey(a.gateway(), a.device(), boot, first.asLong(), last.asLong());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
