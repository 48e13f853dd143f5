package dev.spinetrack.server.payload;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.SampleBundle;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundle splitter finds each batch's bytes without reading them, and the batch readers read a
 * batch where it lies in the message, with the same results as a batch alone.
 */
class BundleSplitterTest {

    private static final String GW = "gw1";
    private final PayloadReader reader = new PayloadReader();

    private static String batch(String device, long seq) {
        return "{\"v\":1,\"gateway\":\"gw1\",\"device\":\"" + device + "\",\"batch\":1,\"sentAt\":1,"
                + "\"samples\":[{\"seq\":" + seq + ",\"t\":1,\"pitch\":0,\"roll\":0,\"p\":[1.5]}]}";
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private List<SampleBatch> readAll(byte[] payload) {
        BundleSlices slices = reader.splitBundle(payload);
        List<SampleBatch> out = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            out.add(reader.readBatch(payload, slices.offset(i), slices.length(i)));
        }
        return out;
    }

    private String refusal(String json) {
        return assertThrows(BadPayloadException.class, () -> reader.splitBundle(bytes(json))).getMessage();
    }

    @Test
    void findsEveryBatchAsTheRecordsWriteIt() throws Exception {
        List<SampleBatch> batches = List.of(
                SampleBatch.of(GW, "c0ffee000001", 1, 5, List.of(new Sample(1000, 10, -15.0, 2.5, new double[] {10.0, 0.5}, 55))),
                new SampleBatch(1, GW, "c0ffee000002", 2, 6, List.of(new Sample(1, 20, 0, 0, new double[] {0.5}, null)), 299L),
                SampleBatch.of(GW, "c0ffee000003", 3, 7, List.of(new Sample(7, 30, 1, 1, new double[] {2}, 90))));
        byte[] payload = new ObjectMapper().writeValueAsBytes(SampleBundle.of(GW, batches));
        BundleSlices slices = reader.splitBundle(payload);
        assertEquals(GW, slices.gateway());
        assertEquals(batches, readAll(payload));
        assertEquals(3, slices.size());
    }

    @Test
    void stringsWithBracesBracketsAndEscapedQuotesEndNothing() {
        // ids cannot hold such bytes, but unknown members may: the scanner must see them as text
        String tricky = "{\"note\":\"}]} \\\"{[\\\\\",\"more\":[\"]\",{\"x\":\"}\"}]}";
        String first = batch("c0ffee000001", 1).replace("{\"v\":1,", "{\"v\":1,\"note\":\"}]} \\\"{[\\\\\",\"n\":" + tricky + ",");
        String json = " {\"v\" : 1, \"extra\": {\"a\": [1, \"]}\", {\"b\": null}]}, \"gateway\":\"gw1\",\n \"batches\": [ "
                + first + " ,\n" + batch("c0ffee000002", 2) + " ], \"tail\": \"[\"} ";
        byte[] payload = bytes(json);
        BundleSlices slices = reader.splitBundle(payload);
        assertEquals(2, slices.size());
        assertEquals(first, new String(payload, slices.offset(0), slices.length(0), StandardCharsets.UTF_8));
        List<SampleBatch> read = readAll(payload);
        assertEquals("c0ffee000001", read.get(0).device());
        assertEquals(2, read.get(1).samples().get(0).seq());
    }

    @Test
    void theReadersReadABatchInPlaceWithTheSameErrors() {
        byte[] payload = bytes("xx" + batch("c0ffee000001", 1).replace("\"pitch\":0", "\"pitch\":100") + "yy");
        BadPayloadException e = assertThrows(BadPayloadException.class,
                () -> reader.readBatch(payload, 2, payload.length - 4));
        assertTrue(e.getMessage().contains("pitch must be in [-90, 90]"), e.getMessage());
        // the token reader's path (an escape leaves the byte reader's plain subset)
        byte[] escaped = bytes("[" + batch("c0ffee000001", 4).replace("\"batch\":1", "\"x\":\"\\u0041\",\"batch\":1") + "]");
        assertEquals(4, reader.readBatch(escaped, 1, escaped.length - 2).samples().get(0).seq());
    }

    @Test
    void anUnreadableBundleSaysWhatAndWhere() {
        assertTrue(refusal("[1]").contains("must be a JSON object"));
        assertTrue(refusal("{\"v\":1,\"gateway\":\"gw1\"}").contains("batches is missing"));
        assertTrue(refusal("{\"v\":1,\"batches\":[" + batch("c0ffee000001", 1) + "]}").contains("gateway is missing"));
        assertTrue(refusal("{\"gateway\":\"gw1\",\"batches\":[" + batch("c0ffee000001", 1) + "]}").contains("v is missing"));
        assertTrue(refusal("{\"v\":2,\"gateway\":\"gw1\",\"batches\":[]}").contains("v must be 1, was 2"));
        assertTrue(refusal("{\"v\":1,\"gateway\":\"gw1\",\"batches\":[]}").contains("held 0"));
        assertTrue(refusal("{\"v\":1,\"gateway\":\"gw1\",\"batches\":{}}").contains("batches must be an array"));
        String third = refusal("{\"v\":1,\"gateway\":\"gw1\",\"batches\":[" + batch("c0ffee000001", 1) + ","
                + batch("c0ffee000002", 2) + ",\"no\"]}");
        assertTrue(third.startsWith("batches[2]: a batch must be a JSON object"), third);
        String unclosed = refusal("{\"v\":1,\"gateway\":\"gw1\",\"batches\":[" + batch("c0ffee000001", 1) + ","
                + "{\"v\":1,\"samples\":[{\"seq\":1]}]}");
        assertTrue(unclosed.startsWith("batches[1]: not valid JSON"), unclosed);
        String string = refusal("{\"v\":1,\"gateway\":\"gw1\",\"batches\":[{\"a\":\"open}]}");
        assertTrue(string.startsWith("batches[0]: not valid JSON: the string at byte"), string);
        assertTrue(refusal("{\"v\":1,\"gateway\":\"gw1\",\"batches\":[" + batch("c0ffee000001", 1) + "]} x")
                .contains("content after the bundle"));
        assertTrue(refusal("{\"v\":1,\"v\":1,\"gateway\":\"gw1\",\"batches\":[]}").contains("v appears twice"));
        assertTrue(refusal("{\"v\":1 \"gateway\":\"gw1\"}").contains(", or } expected"));
    }

    @Test
    void refusesMoreThanTheMostBatchesABundleHolds() {
        StringBuilder json = new StringBuilder("{\"v\":1,\"gateway\":\"gw1\",\"batches\":[");
        for (int i = 0; i <= SampleBundle.MAX_BATCHES; i++) {
            json.append(i == 0 ? "" : ",").append(batch("c0ffee000001", i));
        }
        assertTrue(refusal(json.append("]}").toString()).contains("batches must hold 1..1000, held more"));
    }

    @Test
    void decodesAGatewayWithEscapes() {
        BundleSlices slices = reader.splitBundle(bytes("{\"v\":1,\"g\\u0061teway\":\"gw\\u002d1\",\"batches\":["
                + batch("c0ffee000001", 1) + "]}"));
        assertEquals("gw-1", slices.gateway());
    }
}
