package dev.spinetrack.server.ingest;

import dev.spinetrack.server.payload.PayloadReader;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageParserTest {

    private final MessageParser parser = new MessageParser(new PayloadReader());
    private static final String BATCH = "{\"v\":1,\"gateway\":\"gw1\",\"device\":\"a1b2c3d4e5f6\",\"batch\":1,\"sentAt\":1,"
            + "\"samples\":[{\"seq\":1,\"t\":1,\"pitch\":0,\"roll\":0,\"p\":[1]}]}";

    private MessageParser.Parsed parse(String topic, String payload) {
        return parser.parse(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesEachLeaf() {
        assertInstanceOf(SampleBatch.class, parse("spinetrack/v1/gw1/a1b2c3d4e5f6/samples", BATCH).payload());
        assertInstanceOf(DeviceStatus.class, parse("spinetrack/v1/gw1/a1b2c3d4e5f6/status",
                "{\"v\":1,\"gateway\":\"gw1\",\"device\":\"a1b2c3d4e5f6\",\"state\":\"ONLINE\",\"at\":5}").payload());
        MessageParser.Parsed cleared = parse("spinetrack/v1/gw1/a1b2c3d4e5f6/info", "");
        assertNull(cleared.payload());
        assertNull(cleared.rejectKind(), "a cleared retained info is nothing to do, not an error");
    }

    @Test
    void refusesWithAReason() {
        MessageParser.Parsed topic = parse("spinetrack/v1/gw1/XYZ/samples", BATCH);
        assertEquals("unknown-topic", topic.rejectKind());
        MessageParser.Parsed other = parse("spinetrack/v1/gw1/ffffffffffff/samples", BATCH);
        assertEquals("bad-payload", other.rejectKind());
        assertTrue(other.rejectReason().contains("topic names gateway gw1 device ffffffffffff"), other.rejectReason());
        MessageParser.Parsed json = parse("spinetrack/v1/gw1/a1b2c3d4e5f6/samples", "[");
        assertEquals("bad-payload", json.rejectKind());
    }
}
