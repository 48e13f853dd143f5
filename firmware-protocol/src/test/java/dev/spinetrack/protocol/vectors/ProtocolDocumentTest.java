package dev.spinetrack.protocol.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.mqtt.DeviceInfo;
import dev.spinetrack.protocol.mqtt.DeviceStatus;
import dev.spinetrack.protocol.mqtt.GatewayStatus;
import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.protocol.mqtt.SampleBatch;
import dev.spinetrack.protocol.mqtt.SampleBundle;
import dev.spinetrack.protocol.mqtt.StoredBundle;
import dev.spinetrack.protocol.mqtt.StoredConfirmation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps PROTOCOL.md honest: every JSON example round-trips through its Jackson record, every
 * hex block equals the vector it names, and the examples agree with the vectors they are
 * derived from.
 */
class ProtocolDocumentTest {

    private static final Path DOCUMENT = Path.of("PROTOCOL.md");
    private static final Pattern JSON_EXAMPLE = Pattern.compile("<!-- example: ([a-z0-9-]+) -->\\s*```json\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern HEX_VECTOR = Pattern.compile("<!-- vector: ([a-z]+\\.[a-z]+)/([a-z0-9-]+) -->\\s*```hex\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Numbers compare by value, so {@code 10} and {@code 10.0} are the same member. */
    private static final Comparator<JsonNode> NUMERIC = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : (a.equals(b) ? 0 : 1);

    record Example(String name, String json) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String document() throws IOException {
        return Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    }

    static List<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        Matcher m = JSON_EXAMPLE.matcher(document());
        while (m.find()) {
            out.add(new Example(m.group(1), m.group(2)));
        }
        return out;
    }

    static Map<String, Example> examplesByName() throws IOException {
        Map<String, Example> m = new LinkedHashMap<>();
        examples().forEach(e -> m.put(e.name(), e));
        return m;
    }

    static Class<?> recordFor(String exampleName) {
        if (exampleName.startsWith("sample-batch")) {
            return SampleBatch.class;
        } else if (exampleName.startsWith("device-info")) {
            return DeviceInfo.class;
        } else if (exampleName.startsWith("device-status")) {
            return DeviceStatus.class;
        } else if (exampleName.startsWith("gateway-status")) {
            return GatewayStatus.class;
        } else if (exampleName.startsWith("stored-confirmation")) {
            return StoredConfirmation.class;
        } else if (exampleName.equals("sample-bundle")) {
            return SampleBundle.class;
        } else if (exampleName.equals("stored-bundle")) {
            return StoredBundle.class;
        }
        throw new IllegalStateException("no record for example " + exampleName);
    }

    @Test
    void theDocumentHoldsEveryExampleTheTestsExpect() throws IOException {
        assertEquals(List.of("sample-batch-rack", "sample-batch-ball", "sample-batch-after-reboot", "device-info-rack",
                        "device-info-ball", "device-status-online", "device-status-lost", "gateway-status-online",
                        "gateway-status-lost", "stored-confirmation", "stored-confirmation-after-reboot",
                        "sample-bundle", "stored-bundle"),
                examples().stream().map(Example::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleRoundTripsThroughItsRecord(Example example) throws IOException {
        JsonNode expected = JSON.readTree(example.json());
        Object record = JSON.treeToValue(expected, recordFor(example.name()));
        JsonNode actual = JSON.readTree(JSON.writeValueAsString(record));
        assertTrue(expected.equals(NUMERIC, actual), () -> example.name() + "\nexpected " + expected + "\nactual   " + actual);
        assertEquals(record, JSON.treeToValue(actual, recordFor(example.name())));
    }

    @Test
    void everyHexBlockIsTheVectorItNames() throws IOException {
        Matcher m = HEX_VECTOR.matcher(document());
        int blocks = 0;
        while (m.find()) {
            blocks++;
            String group = m.group(1);
            String name = m.group(2);
            List<String> docHex = m.group(3).lines().map(l -> l.replace(" ", "")).filter(l -> !l.isEmpty()).toList();
            JsonNode vector = null;
            for (JsonNode v : ProtocolVectors.group(group)) {
                if (v.get("name").asText().equals(name)) {
                    vector = v;
                }
            }
            assertTrue(vector != null, "PROTOCOL.md cites a vector that does not exist: " + group + "/" + name);
            List<String> vectorHex = new ArrayList<>();
            if (vector.has("hex")) {
                vectorHex.add(vector.get("hex").asText().replace(" ", ""));
            } else {
                vector.get("notifications").forEach(n -> vectorHex.add(n.asText().replace(" ", "")));
            }
            assertEquals(vectorHex, docHex, group + "/" + name);
        }
        assertEquals(7, blocks, "hex blocks in PROTOCOL.md tied to a vector");
        assertEquals(blocks, document().split("```hex", -1).length - 1, "every hex block names its vector");
    }

    @Test
    void deviceInfoExamplesAreWhatTheGatewayBuildsFromTheCapabilityVectors() throws IOException {
        Map<String, Example> ex = examplesByName();
        DeviceCapabilities rack = capabilities("rack-16");
        DeviceCapabilities ball = capabilities("ball");
        assertEquals(DeviceInfo.of("gw-livingroom", "c0ffee000001", "SpineTrack Rack", 50, rack),
                JSON.readValue(ex.get("device-info-rack").json(), DeviceInfo.class));
        assertEquals(DeviceInfo.of("gw-livingroom", "c0ffee000002", "SpineTrack Ball", 100, ball),
                JSON.readValue(ex.get("device-info-ball").json(), DeviceInfo.class));
    }

    @Test
    void sampleExamplesAreTheFrameVectorsInPhysicalUnits() throws IOException {
        Map<String, Example> ex = examplesByName();
        long base = 1_763_700_000_000L;
        SampleBatch rackBatch = JSON.readValue(ex.get("sample-batch-rack").json(), SampleBatch.class);
        assertEquals(toSample(frame("rack-16"), capabilities("rack-16"), base, frame("rack-16").sequence()),
                rackBatch.samples().get(0));
        SampleBatch ballBatch = JSON.readValue(ex.get("sample-batch-ball").json(), SampleBatch.class);
        String[] balls = {"ball-seq10", "ball-seq11", "ball-seq12"};
        for (int i = 0; i < balls.length; i++) {
            SampleFrame f = frame(balls[i]);
            assertEquals(toSample(f, capabilities("ball"), base, (1L << 32) + f.sequence()), ballBatch.samples().get(i));
        }
    }

    @Test
    void theLwtExampleIsWhatGatewayStatusLostBuilds() throws IOException {
        assertEquals(GatewayStatus.lost("gw-livingroom"),
                JSON.readValue(examplesByName().get("gateway-status-lost").json(), GatewayStatus.class));
    }

    /** The mapping of PROTOCOL.md §7.2, written out here rather than taken from any gateway code. */
    private static Sample toSample(SampleFrame f, DeviceCapabilities caps, long base, long unwrappedSeq) {
        double[] p = new double[f.channelCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = caps.toUnits(f.pressure(i));
        }
        return new Sample(unwrappedSeq, base + f.timestampMs(), f.pitchCenti() / 100.0, f.rollCenti() / 100.0, p,
                f.hasBattery() ? f.battery() : null);
    }

    private static SampleFrame frame(String name) {
        return ProtocolVectors.validFrames().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static DeviceCapabilities capabilities(String name) {
        return ProtocolVectors.validCapabilities().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow()
                .value();
    }
}
