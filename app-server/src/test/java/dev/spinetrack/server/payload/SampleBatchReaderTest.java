package dev.spinetrack.server.payload;

import com.fasterxml.jackson.core.JsonFactory;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleBatchReaderTest {

    private static final String HEAD = "{\"v\":1,\"gateway\":\"gw1\",\"device\":\"a1b2c3d4e5f6\",\"batch\":3,\"sentAt\":5,";

    private final SampleBatchReader fast = new SampleBatchReader(new JsonFactory());
    private final PayloadReader reader = new PayloadReader();

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsThePlainShapeAsDataBindingDoes() {
        List<String> plain = List.of(
                HEAD + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":1.5,\"roll\":-2,\"p\":[1,2.25,0],\"bat\":80},"
                        + "{\"seq\":9,\"t\":110,\"pitch\":-90,\"roll\":180.0,\"p\":[0.001,1e3,3]}]}",
                "{\"samples\":[{\"p\":[4],\"roll\":0,\"pitch\":0,\"t\":1,\"seq\":1,\"bat\":null}],\"sentAt\":0,"
                        + "\"batch\":0,\"device\":\"a1b2c3d4e5f6\",\"gateway\":\"gw1\",\"v\":1}",
                HEAD + "\"extra\":{\"x\":[1,{\"y\":2}]},\"samples\":[{\"seq\":1,\"t\":1,\"pitch\":0,\"roll\":0,"
                        + "\"q\":[1,2],\"p\":[1]}]}");
        for (String json : plain) {
            SampleBatch b = fast.read(bytes(json));
            assertNotNull(b, json);
            assertEquals(reader.read(bytes(json), SampleBatch.class), b, json);
        }
    }

    @Test
    void leavesEverythingElseToDataBinding() {
        List<String> other = List.of(
                "{\"v\":1,",
                "[",
                HEAD + "\"samples\":[{\"seq\":\"7\",\"t\":100,\"pitch\":0,\"roll\":0,\"p\":[1]}]}",
                HEAD + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":0,\"roll\":0,\"p\":[1],\"p\":[2]}]}",
                HEAD + "\"samples\":[{\"seq\":7,\"t\":100.5,\"pitch\":0,\"roll\":0,\"p\":[1]}]}",
                HEAD + "\"samples\":[{\"seq\":7,\"t\":100,\"roll\":0,\"p\":[1]}]}",
                HEAD + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":0,\"roll\":0,\"p\":null}]}",
                HEAD + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":0,\"roll\":0,\"p\":[1,\"2\"]}]}",
                HEAD + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":100,\"roll\":0,\"p\":[1]}]}",
                HEAD + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":0,\"roll\":0,\"p\":[1],\"bat\":1e2}]}",
                HEAD + "\"samples\":{}}",
                "{\"v\":1,\"gateway\":\"gw1\",\"device\":\"a1b2c3d4e5f6\",\"batch\":3,"
                        + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":0,\"roll\":0,\"p\":[1]}]}");
        for (String json : other) {
            assertNull(fast.read(bytes(json)), json);
        }
    }

    @Test
    void fallsBackWithTheSameResultOrError() {
        String missing = "{\"v\":1,\"gateway\":\"gw1\",\"device\":\"a1b2c3d4e5f6\",\"batch\":3,"
                + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":0,\"roll\":0,\"p\":[1]}]}";
        String pitch = HEAD + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":100,\"roll\":0,\"p\":[1]}]}";
        String bat = HEAD + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":0,\"roll\":0,\"p\":[1],\"bat\":1e2}]}";
        for (String json : List.of(missing, pitch, bat)) {
            assertEquals(outcome(() -> reader.read(bytes(json), SampleBatch.class)),
                    outcome(() -> reader.readBatch(bytes(json))), json);
        }
        assertTrue(outcome(() -> reader.readBatch(bytes(pitch))).toString().contains("pitch must be in"));
    }

    /** The batch read, or the message of the refusal. */
    private static Object outcome(java.util.function.Supplier<SampleBatch> read) {
        try {
            return read.get();
        } catch (BadPayloadException e) {
            return e.getMessage();
        }
    }
}
