package dev.spinetrack.server.ingest;

import dev.spinetrack.server.payload.PayloadReader;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    private static final String BUNDLE_TOPIC = "spinetrack/v1/gw1/samples";

    private static String batch(String gateway, String device, long seq, String extra) {
        return "{\"v\":1,\"gateway\":\"" + gateway + "\",\"device\":\"" + device + "\",\"batch\":1,\"sentAt\":1," + extra
                + "\"samples\":[{\"seq\":" + seq + ",\"t\":1,\"pitch\":0,\"roll\":0,\"p\":[1]},"
                + "{\"seq\":" + (seq + 1) + ",\"t\":2,\"pitch\":0,\"roll\":0,\"p\":[1]}]}";
    }

    private List<MessageParser.Parsed> bundle(String... batches) {
        return parser.parseAll(BUNDLE_TOPIC, ("{\"v\":1,\"gateway\":\"gw1\",\"batches\":[" + String.join(",", batches)
                + "]}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBundleIsOneMessagePerBatchEachAsIfAloneOnItsDeviceTopic() {
        List<MessageParser.Parsed> parsed = bundle(batch("gw1", "a1b2c3d4e5f1", 10, ""),
                batch("gw1", "a1b2c3d4e5f2", 20, "\"boot\":3,"), batch("gw1", "a1b2c3d4e5f1", 12, ""));
        assertEquals(3, parsed.size());
        for (MessageParser.Parsed p : parsed) {
            assertNull(p.rejectKind(), p.rejectReason());
            assertInstanceOf(SampleBatch.class, p.payload());
            assertTrue(p.confirm().bundled(), "confirmed in a stored bundle");
        }
        assertEquals(new ConfirmKey("gw1", "a1b2c3d4e5f1", 0, 10, 11, true), parsed.get(0).confirm());
        assertEquals(new ConfirmKey("gw1", "a1b2c3d4e5f2", 3, 20, 21, true), parsed.get(1).confirm(),
                "confirmed by seq and boot, as sent");
        SampleBatch rebooted = (SampleBatch) parsed.get(1).payload();
        assertEquals(0, rebooted.boot(), "stored as positions, as a batch on its device topic is");
        assertEquals(parse("spinetrack/v1/gw1/a1b2c3d4e5f2/samples", batch("gw1", "a1b2c3d4e5f2", 20, "\"boot\":3,"))
                .payload(), rebooted);
        assertEquals(12, ((SampleBatch) parsed.get(2).payload()).samples().get(0).seq(), "in the bundle's order");
        assertEquals(List.of(parse("spinetrack/v1/gw1/a1b2c3d4e5f6/samples", BATCH)),
                parser.parseAll("spinetrack/v1/gw1/a1b2c3d4e5f6/samples", BATCH.getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> parse(BUNDLE_TOPIC, "{}"), "a bundle is several messages");
    }

    @Test
    void aBadBatchInABundleRefusesOnlyItselfAndIsStillConfirmed() {
        List<MessageParser.Parsed> parsed = bundle(batch("gw1", "a1b2c3d4e5f1", 10, ""),
                batch("gw2", "a1b2c3d4e5f2", 20, ""),
                batch("gw1", "a1b2c3d4e5f3", 30, "").replace("\"pitch\":0", "\"pitch\":100"),
                batch("gw1", "a1b2c3d4e5f4", 40, "\"note\":\"{[\\\"]}\","));
        assertEquals(4, parsed.size());
        assertNull(parsed.get(0).rejectKind());
        MessageParser.Parsed other = parsed.get(1);
        assertEquals("bad-payload", other.rejectKind());
        assertTrue(other.rejectReason().startsWith("batches[1] names gateway gw2 but the topic names gateway gw1"),
                other.rejectReason());
        assertEquals(new ConfirmKey("gw1", "a1b2c3d4e5f2", 0, 20, 21, true), other.confirm(),
                "confirmed to the gateway that sent it, so it stops sending it");
        MessageParser.Parsed invalid = parsed.get(2);
        assertEquals("bad-payload", invalid.rejectKind());
        assertTrue(invalid.rejectReason().startsWith("batches[2]: ") && invalid.rejectReason().contains("pitch"),
                invalid.rejectReason());
        assertEquals(new ConfirmKey("gw1", "a1b2c3d4e5f3", 0, 30, 31, true), invalid.confirm());
        assertNull(parsed.get(3).rejectKind(), "a string with braces, brackets and an escaped quote ends nothing");
        assertEquals("a1b2c3d4e5f4", ((SampleBatch) parsed.get(3).payload()).device());

        MessageParser.Parsed noKey = bundle(batch("gw1", "a1b2c3d4e5f1", 10, ""), "{\"v\":1,\"samples\":[]}").get(1);
        assertEquals("bad-payload", noKey.rejectKind());
        assertNull(noKey.confirm(), "no device, nothing a confirmation could name");
        MessageParser.Parsed range = bundle(batch("gw1", "a1b2c3d4e5f1", 1L << 41, "")).get(0);
        assertEquals("out-of-range", range.rejectKind());
        assertTrue(range.rejectReason().startsWith("batches[0]: seq"), range.rejectReason());
        assertNotNull(range.confirm());
    }

    @Test
    void anUnreadableBundleIsOneRefusalNamingTheProblem() {
        List<MessageParser.Parsed> broken = bundle(batch("gw1", "a1b2c3d4e5f1", 10, ""), "[1]");
        assertEquals(1, broken.size());
        assertEquals("bad-payload", broken.get(0).rejectKind());
        assertTrue(broken.get(0).rejectReason().contains("batches[1]: a batch must be a JSON object"),
                broken.get(0).rejectReason());
        assertNull(broken.get(0).confirm());
        MessageParser.Parsed json = parser.parseAll(BUNDLE_TOPIC, "{not json".getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals("bad-payload", json.rejectKind());
        assertTrue(json.rejectReason().startsWith("sample bundle: not valid JSON"), json.rejectReason());
        MessageParser.Parsed empty = bundle().get(0);
        assertTrue(empty.rejectReason().contains("batches must hold 1..1000, held 0"), empty.rejectReason());
        MessageParser.Parsed gateway = parser.parseAll("spinetrack/v1/gw2/samples", ("{\"v\":1,\"gateway\":\"gw1\","
                + "\"batches\":[" + batch("gw1", "a1b2c3d4e5f1", 10, "") + "]}").getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals("bad-payload", gateway.rejectKind());
        assertTrue(gateway.rejectReason().contains("names gateway gw1 but the topic names gateway gw2"),
                gateway.rejectReason());
    }
}
