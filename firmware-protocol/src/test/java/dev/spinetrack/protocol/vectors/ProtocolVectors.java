package dev.spinetrack.protocol.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.gatt.BootRecord;
import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.ControlCommand;
import dev.spinetrack.protocol.gatt.ControlResult;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.gatt.ResultCode;
import dev.spinetrack.protocol.gatt.SampleFrame;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The vector file, read once. Decoded values are built field by field from the file's JSON
 * with the records' constructors, never through a codec, so the tests are not circular.
 */
final class ProtocolVectors {

    /** A valid vector: its bytes and the value they mean. */
    record Valid<T>(String name, byte[] bytes, T value) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An invalid vector: its bytes and the exact error code a decoder must return. */
    record Invalid(String name, byte[] bytes, String error) {
        @Override
        public String toString() {
            return name + " -> " + error;
        }
    }

    /** Frames packed at an MTU and the exact notifications that carry them. */
    record Packing(String name, int mtu, List<SampleFrame> frames, List<byte[]> notifications) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Notifications fed to one reassembler, and every frame and error code they produce. */
    record Reassembly(String name, List<byte[]> notifications, List<SampleFrame> frames, List<String> errors) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** 32-bit readings and their unwrapped 64-bit values. */
    record Unwrap(String name, List<Long> in, List<Long> out) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A rack sample's cells and pressures (decimals as sent) and the focus PROTOCOL.md 8.2
     * gives them; the pressures are read from their decimal text, as a JSON parser does.
     */
    record FocusCase(String name, List<dev.spinetrack.protocol.gatt.CellPlacement> cells, double[] pressures,
                     String side, String level, String region, double pressure) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String RESOURCE = "/vectors/protocol-vectors.json";
    private static final JsonNode ROOT = load();
    private static final Map<String, SampleFrame> FRAMES_BY_NAME = framesByName();

    private ProtocolVectors() {
    }

    private static JsonNode load() {
        try (InputStream in = ProtocolVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode group(String path) {
        String[] parts = path.split("\\.");
        JsonNode n = ROOT.path(parts[0]).path(parts[1]);
        if (!n.isArray()) {
            throw new IllegalStateException("vector group " + path + " is missing");
        }
        return n;
    }

    /** Every group name and its size, e.g. {@code frames.valid -> 16}. */
    static Map<String, Integer> groupSizes() {
        Map<String, Integer> sizes = new TreeMap<>();
        ROOT.fields().forEachRemaining(top -> {
            if (top.getValue().isObject()) {
                top.getValue().fields().forEachRemaining(g -> sizes.put(top.getKey() + "." + g.getKey(), g.getValue().size()));
            }
        });
        return sizes;
    }

    static List<Valid<SampleFrame>> validFrames() {
        List<Valid<SampleFrame>> out = new ArrayList<>();
        for (JsonNode v : group("frames.valid")) {
            out.add(new Valid<>(v.get("name").asText(), Hex.parse(v.get("hex").asText()), frame(v.get("value"))));
        }
        return out;
    }

    static List<Valid<BootRecord>> validBootRecords() {
        List<Valid<BootRecord>> out = new ArrayList<>();
        for (JsonNode v : group("boot.valid")) {
            out.add(new Valid<>(v.get("name").asText(), Hex.parse(v.get("hex").asText()),
                    new BootRecord(v.get("value").get("bootCount").asLong())));
        }
        return out;
    }

    static List<Valid<DeviceCapabilities>> validCapabilities() {
        List<Valid<DeviceCapabilities>> out = new ArrayList<>();
        for (JsonNode v : group("capabilities.valid")) {
            out.add(new Valid<>(v.get("name").asText(), Hex.parse(v.get("hex").asText()), capabilities(v.get("value"))));
        }
        return out;
    }

    static List<Valid<ControlCommand>> validCommands() {
        List<Valid<ControlCommand>> out = new ArrayList<>();
        for (JsonNode v : group("commands.valid")) {
            out.add(new Valid<>(v.get("name").asText(), Hex.parse(v.get("hex").asText()), command(v.get("value"))));
        }
        return out;
    }

    static List<Valid<ControlResult>> validResults() {
        List<Valid<ControlResult>> out = new ArrayList<>();
        for (JsonNode v : group("results.valid")) {
            JsonNode value = v.get("value");
            out.add(new Valid<>(v.get("name").asText(), Hex.parse(v.get("hex").asText()),
                    new ControlResult(value.get("requestOpcode").asInt(), ResultCode.valueOf(value.get("result").asText()))));
        }
        return out;
    }

    static List<Invalid> invalid(String path) {
        List<Invalid> out = new ArrayList<>();
        for (JsonNode v : group(path)) {
            out.add(new Invalid(v.get("name").asText(), Hex.parse(v.get("hex").asText()), v.get("error").asText()));
        }
        return out;
    }

    static List<Packing> packings() {
        List<Packing> out = new ArrayList<>();
        for (JsonNode v : group("packing.valid")) {
            out.add(new Packing(v.get("name").asText(), v.get("mtu").asInt(), frameRefs(v.get("frames")),
                    hexList(v.get("notifications"))));
        }
        return out;
    }

    static List<Reassembly> reassemblies() {
        List<Reassembly> out = new ArrayList<>();
        for (JsonNode v : group("reassembly.invalid")) {
            List<String> errors = new ArrayList<>();
            v.get("errors").forEach(e -> errors.add(e.asText()));
            out.add(new Reassembly(v.get("name").asText(), hexList(v.get("notifications")), frameRefs(v.get("frames")),
                    errors));
        }
        return out;
    }

    static List<Unwrap> unwraps() {
        List<Unwrap> out = new ArrayList<>();
        for (JsonNode v : group("unwrap.valid")) {
            List<Long> in = new ArrayList<>();
            List<Long> expected = new ArrayList<>();
            v.get("in").forEach(n -> in.add(n.asLong()));
            v.get("out").forEach(n -> expected.add(n.asLong()));
            out.add(new Unwrap(v.get("name").asText(), in, expected));
        }
        return out;
    }

    static List<FocusCase> focusCases() {
        List<FocusCase> out = new ArrayList<>();
        for (JsonNode v : group("focus.valid")) {
            List<dev.spinetrack.protocol.gatt.CellPlacement> cells = new ArrayList<>();
            for (JsonNode c : v.get("cells")) {
                String[] parts = c.asText().split(" ");
                cells.add(new dev.spinetrack.protocol.gatt.CellPlacement(
                        dev.spinetrack.protocol.region.SpinalLevel.valueOf(parts[0]),
                        dev.spinetrack.protocol.region.Side.valueOf(parts[1])));
            }
            double[] p = new double[v.get("pressures").size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = Double.parseDouble(v.get("pressures").get(i).asText());
            }
            out.add(new FocusCase(v.get("name").asText(), cells, p, v.get("side").asText(), v.get("level").asText(),
                    v.get("region").asText(), Double.parseDouble(v.get("pressure").asText())));
        }
        return out;
    }

    private static Map<String, SampleFrame> framesByName() {
        Map<String, SampleFrame> m = new TreeMap<>();
        for (Valid<SampleFrame> v : validFrames()) {
            m.put(v.name(), v.value());
        }
        return m;
    }

    private static List<SampleFrame> frameRefs(JsonNode names) {
        List<SampleFrame> out = new ArrayList<>();
        for (JsonNode n : names) {
            SampleFrame f = FRAMES_BY_NAME.get(n.asText());
            if (f == null) {
                throw new IllegalStateException("no valid frame vector named " + n.asText());
            }
            out.add(f);
        }
        return out;
    }

    private static List<byte[]> hexList(JsonNode hexes) {
        List<byte[]> out = new ArrayList<>();
        hexes.forEach(h -> out.add(Hex.parse(h.asText())));
        return out;
    }

    private static SampleFrame frame(JsonNode v) {
        JsonNode p = v.get("p");
        int[] pressures = new int[p.size()];
        for (int i = 0; i < pressures.length; i++) {
            pressures[i] = p.get(i).asInt();
        }
        int battery = v.has("battery") ? v.get("battery").asInt() : SampleFrame.NO_BATTERY;
        return new SampleFrame(v.get("seq").asLong(), v.get("t").asLong(), v.get("pitch").asInt(),
                v.get("roll").asInt(), pressures, battery, v.get("tared").asBoolean(), v.get("clockSet").asBoolean());
    }

    private static DeviceCapabilities capabilities(JsonNode v) {
        List<CellPlacement> cells = new ArrayList<>();
        for (JsonNode c : v.get("cells")) {
            String[] levelSide = c.asText().split(" ");
            cells.add(levelSide[0].equals("NONE") ? CellPlacement.UNPLACED
                    : new CellPlacement(SpinalLevel.valueOf(levelSide[0]), Side.valueOf(levelSide[1])));
        }
        JsonNode fw = v.get("firmware");
        return new DeviceCapabilities(DeviceKind.valueOf(v.get("kind").asText()), fw.get(0).asInt(), fw.get(1).asInt(),
                fw.get(2).asInt(), v.get("minRateHz").asInt(), v.get("maxRateHz").asInt(),
                PressureUnit.valueOf(v.get("unit").asText()), v.get("scaleMilli").asInt(),
                v.get("contactThresholdRaw").asInt(), cells);
    }

    private static ControlCommand command(JsonNode v) {
        String op = v.get("op").asText();
        switch (op) {
            case "START_STREAM":
                return new ControlCommand.StartStream();
            case "STOP_STREAM":
                return new ControlCommand.StopStream();
            case "SET_RATE":
                return new ControlCommand.SetRate(v.get("arg").asInt());
            case "TARE":
                return new ControlCommand.Tare(v.get("arg").asInt());
            case "SET_TIME":
                return new ControlCommand.SetTime(v.get("arg").asLong());
            case "IDENTIFY":
                return new ControlCommand.Identify(v.get("arg").asInt());
            default:
                throw new IllegalStateException("vector names an unknown command " + op);
        }
    }
}
