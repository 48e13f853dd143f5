package dev.spinetrack.server.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads the protocol's JSON payloads into their records (whose constructors validate), turning
 * every failure into a {@link BadPayloadException} that says what was wrong and where.
 */
@Singleton
public class PayloadReader {

    // FastDoubleParser: the same correctly rounded doubles as Double.parseDouble, several times faster.
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false);
    private final SampleBatchReader batches = new SampleBatchReader(json.getFactory());

    /**
     * Parses a sample batch: straight from the bytes ({@link BatchBytesReader}) or the JSON tokens
     * ({@link SampleBatchReader}) when the payload has the plain shape gateways write, else (and
     * for every error) exactly as {@link #read(byte[], Class)}.
     */
    public SampleBatch readBatch(byte[] payload) {
        return readBatch(payload, 0, payload.length);
    }

    /**
     * Parses the sample batch held in {@code length} bytes of {@code payload} from {@code offset}
     * (one batch of a bundle, read in place without a copy), as {@link #readBatch(byte[])}.
     */
    public SampleBatch readBatch(byte[] payload, int offset, int length) {
        SampleBatch fast = BatchBytesReader.read(payload, offset, length);
        if (fast == null) {
            fast = batches.read(payload, offset, length); // plain but with unknown fields, escapes, long numbers
        }
        return fast != null ? fast : read(payload, offset, length, SampleBatch.class);
    }

    /**
     * Splits a sample bundle (PROTOCOL.md §7.7) into its batches without reading them: each is
     * then read in place with {@link #readBatch(byte[], int, int)}, so one bad batch refuses only
     * itself.
     *
     * @throws BadPayloadException when the bundle itself is unreadable, saying what and where
     */
    public BundleSlices splitBundle(byte[] payload) {
        return BundleSplitter.split(payload, this);
    }

    /** Parses a payload as {@code type}. */
    public <T> T read(byte[] payload, Class<T> type) {
        return read(payload, 0, payload.length, type);
    }

    /** Parses {@code length} bytes of {@code payload} from {@code offset} as {@code type}. */
    public <T> T read(byte[] payload, int offset, int length, Class<T> type) {
        try {
            return json.readValue(payload, offset, length, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BadPayloadException(type.getSimpleName() + " rejected: " + cause.getMessage()
                    + at(e));
        } catch (JsonMappingException e) {
            throw new BadPayloadException(type.getSimpleName() + " does not match the schema: "
                    + e.getOriginalMessage() + at(e));
        } catch (JsonProcessingException e) {
            throw new BadPayloadException("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new BadPayloadException("unreadable payload: " + e.getMessage());
        }
    }

    /** Serializes a record (e.g. device info for storage). */
    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private static String at(JsonMappingException e) {
        String path = e.getPathReference();
        return path == null || path.isEmpty() ? "" : " (at " + path.replace("dev.spinetrack.protocol.mqtt.", "") + ")";
    }
}
