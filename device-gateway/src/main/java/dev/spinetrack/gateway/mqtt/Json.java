package dev.spinetrack.gateway.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the gateway (Jackson, thread-safe once configured). Doubles are written
 * with Jackson's Schubfach writer: the shortest decimal that reads back as the same double, as
 * the JDK's {@code Double.toString} aims to, at a fraction of its cost (writing 32 channels per
 * sample was the gateway's largest cost at 200 devices × 100 Hz).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private Json() {
    }

    /** JSON bytes of a protocol payload record. */
    public static byte[] bytes(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
