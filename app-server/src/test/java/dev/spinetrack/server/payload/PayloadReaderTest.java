package dev.spinetrack.server.payload;

import dev.spinetrack.protocol.mqtt.SampleBatch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadReaderTest {

    private final PayloadReader reader = new PayloadReader();

    private SampleBatch read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), SampleBatch.class);
    }

    @Test
    void readsAValidBatch() {
        SampleBatch b = read("{\"v\":1,\"gateway\":\"gw1\",\"device\":\"a1b2c3d4e5f6\",\"batch\":3,\"sentAt\":5,"
                + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":1.5,\"roll\":-2,\"p\":[1,2],\"bat\":80}]}");
        assertEquals(7, b.samples().get(0).seq());
        assertEquals(80, b.samples().get(0).battery());
    }

    @Test
    void saysWhatIsWrongAndWhere() {
        BadPayloadException json = assertThrows(BadPayloadException.class, () -> read("{\"v\":1,"));
        assertTrue(json.getMessage().startsWith("not valid JSON"), json.getMessage());
        BadPayloadException range = assertThrows(BadPayloadException.class, () -> read(
                "{\"v\":1,\"gateway\":\"gw1\",\"device\":\"a1b2c3d4e5f6\",\"batch\":3,\"sentAt\":5,"
                        + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":100,\"roll\":0,\"p\":[1]}]}"));
        assertTrue(range.getMessage().contains("pitch must be in [-90, 90]"), range.getMessage());
        BadPayloadException order = assertThrows(BadPayloadException.class, () -> read(
                "{\"v\":1,\"gateway\":\"gw1\",\"device\":\"a1b2c3d4e5f6\",\"batch\":3,\"sentAt\":5,\"samples\":["
                        + "{\"seq\":7,\"t\":100,\"pitch\":0,\"roll\":0,\"p\":[1]},"
                        + "{\"seq\":7,\"t\":120,\"pitch\":0,\"roll\":0,\"p\":[1]}]}"));
        assertTrue(order.getMessage().contains("samples[1].seq"), order.getMessage());
        BadPayloadException type = assertThrows(BadPayloadException.class, () -> read(
                "{\"v\":1,\"gateway\":\"gw1\",\"device\":\"a1b2c3d4e5f6\",\"batch\":\"x\",\"sentAt\":5,\"samples\":[]}"));
        assertTrue(type.getMessage().contains("batch"), type.getMessage());
    }
}
