package dev.spinetrack.simulator.truth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ground truth as JSON: the records' fields as named, regions keyed by their id
 * (e.g. {@code MID_THORACIC_LEFT}), keys sorted so equal truths give equal bytes.
 */
public final class GroundTruthJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private GroundTruthJson() {
    }

    /** The JSON text. */
    public static String toJson(GroundTruth truth) {
        try {
            return MAPPER.writeValueAsString(truth);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise ground truth", e);
        }
    }

    /** Writes the JSON to a file, creating parent directories. */
    public static void write(GroundTruth truth, Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(path, toJson(truth));
    }

    /** Reads JSON written by {@link #write}. */
    public static GroundTruth read(Path path) throws IOException {
        return MAPPER.readValue(path.toFile(), GroundTruth.class);
    }
}
