package dev.spinetrack.server.payload;

import dev.spinetrack.protocol.mqtt.SampleBatch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link BatchBytesReader} against Jackson data binding, the oracle written apart from it: on
 * every payload it takes, data binding reads the same batch (doubles bit for bit), and
 * {@link PayloadReader#readBatch} answers what data binding answers, batch or error message.
 * Payloads are generated around the edges of JSON's number grammar, whitespace, field order and
 * the optional fields, then mutated byte by byte.
 */
class BatchBytesReaderTest {

    private static final String HEAD = "{\"v\":1,\"gateway\":\"gw1\",\"device\":\"a1b2c3d4e5f6\",\"batch\":3,\"sentAt\":5,";

    /** Numbers as a gateway or anyone else might write them, valid JSON or not. */
    private static final String[] NUMBERS = {
        "0", "-0", "0.0", "-0.0", "1", "12", "10.01", "0.001", "1e3", "1E3", "1e+3", "15e-1", "1.5E-300", "1e400",
        "123456789012345678", "1234567890123456789", "12345678901234567890", "9007199254740993",
        "9007199254740993.0", "0.1000000000000000055511151231257827", "2.2250738585072014E-308", "4.9e-324",
        "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        "0.30000000000000004", "123.456e-25", "1e22", "1e23", "8.9e15", "100.000000000000000000001",
        "01", "1.", ".5", "+1", "1e", "1e+", "-", "NaN", "1.2.3", "0x10", "1_0", "\"1\"", "null", "true",
    };

    private final PayloadReader reader = new PayloadReader();
    /** Whether the payload being generated uses every spelling of {@link #number}. */
    private static boolean edgy;

    @Test
    void readsTheProtocolsExampleAndTheGatewaysShape() {
        String example = "{\n  \"v\": 1,\n  \"gateway\": \"gw-livingroom\",\n  \"device\": \"c0ffee000001\",\n"
                + "  \"batch\": 17,\n  \"sentAt\": 1763700060120,\n  \"samples\": [\n"
                + "    {\"seq\": 1000, \"t\": 1763700060000, \"pitch\": -15.0, \"roll\": 2.5,\n"
                + "     \"p\": [10.0, 10.01, 10.02, 10.03, 10.04, 10.05, 10.06, 10.07, 10.08, 10.09, 10.1, 10.11, 10.12,"
                + " 10.13, 10.14, 10.15],\n     \"bat\": 55},\n"
                + "    {\"seq\": 1001, \"t\": 1763700060020, \"pitch\": -15.02, \"roll\": 2.5,\n"
                + "     \"p\": [10.0, 10.0, 10.0, 10.0, 12.5, 12.5, 30.25, 28.0, 41.5, 39.75, 22.0, 21.5, 8.0, 7.5, 0.0,"
                + " 0.0]}\n  ]\n}\n";
        SampleBatch b = BatchBytesReader.read(bytes(example));
        assertNotNull(b);
        assertEquals(reader.read(bytes(example), SampleBatch.class), b);
        assertEquals(10.01, b.samples().get(0).p()[1]);
        assertEquals(55, b.samples().get(0).battery());
        assertNull(b.samples().get(1).battery());
    }

    @Test
    void leavesUnknownFieldsEscapesAndTrailingContentToTheOtherReaders() {
        String sample = "{\"seq\":7,\"t\":100,\"pitch\":0,\"roll\":0,\"p\":[1]}";
        for (String json : List.of(
                HEAD + "\"extra\":1,\"samples\":[" + sample + "]}",
                HEAD + "\"samples\":[{\"seq\":7,\"t\":100,\"pitch\":0,\"roll\":0,\"q\":2,\"p\":[1]}]}",
                HEAD.replace("gw1", "g\\u0077") + "\"samples\":[" + sample + "]}",
                HEAD + "\"samples\":[" + sample + "]} x",
                HEAD + "\"samples\":[" + sample + "]}{}",
                "\uFEFF" + HEAD + "\"samples\":[" + sample + "]}")) {
            assertNull(BatchBytesReader.read(bytes(json)), json);
            assertEquals(outcome(() -> reader.read(bytes(json), SampleBatch.class)),
                    outcome(() -> reader.readBatch(bytes(json))), json);
        }
    }

    @Test
    void agreesWithDataBindingOnGeneratedAndMutatedPayloads() {
        Random random = new Random(2026);
        int taken = 0;
        int generated = 0;
        for (int n = 0; n < 5_000; n++) {
            String json = payload(random);
            generated++;
            if (check(json)) {
                taken++;
            }
            byte[] b = bytes(json);
            for (int m = 0; m < 3; m++) {
                check(mutate(b, random));
            }
        }
        // the generator writes mostly plain, valid batches: the byte reader must take most of them
        assertTrue(taken > generated / 4, taken + " of " + generated);
    }

    /** Asserts the property on one payload; whether the byte reader took it. */
    private boolean check(String json) {
        SampleBatch bytesRead = BatchBytesReader.read(bytes(json));
        Object bound = outcome(() -> reader.read(bytes(json), SampleBatch.class));
        if (bytesRead != null && !bytesRead.equals(bound)) {
            fail("byte reader " + bytesRead + "\ndata binding " + bound + "\nfor " + json);
        }
        assertEquals(bound, outcome(() -> reader.readBatch(bytes(json))), json);
        return bytesRead != null;
    }

    private static String payload(Random r) {
        edgy = r.nextInt(3) == 0; // a third of the payloads spell numbers at the edges, most of them refused
        List<String> fields = new ArrayList<>(List.of("\"v\":1", "\"gateway\":\"gw-" + r.nextInt(9) + "\"",
                "\"device\":\"a1b2c3d4e5f6\"", "\"batch\":" + r.nextInt(1000), "\"sentAt\":" + r.nextLong(1L << 42)));
        if (r.nextBoolean()) {
            fields.add("\"boot\":" + r.nextInt(5));
        }
        StringBuilder samples = new StringBuilder("[");
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            List<String> s = new ArrayList<>(List.of("\"seq\":" + (r.nextInt(20) == 0 ? "-1" : r.nextInt(1 << 20)),
                    "\"t\":" + r.nextLong(1L << 42), "\"pitch\":" + number(r, 90), "\"roll\":" + number(r, 180)));
            StringBuilder p = new StringBuilder("[");
            int cells = r.nextInt(20) == 0 ? 0 : 1 + r.nextInt(32);
            for (int c = 0; c < cells; c++) {
                p.append(c == 0 ? "" : "," + space(r)).append(number(r, 5000));
            }
            s.add("\"p\":" + p + "]");
            int bat = r.nextInt(4);
            if (bat == 1) {
                s.add("\"bat\":null");
            } else if (bat == 2) {
                s.add("\"bat\":" + (r.nextInt(10) == 0 ? number(r, 100) : String.valueOf(r.nextInt(101))));
            }
            java.util.Collections.shuffle(s, r);
            samples.append(i == 0 ? "" : ",").append(space(r)).append('{').append(join(s, r)).append('}');
        }
        fields.add("\"samples\":" + samples + space(r) + "]");
        java.util.Collections.shuffle(fields, r);
        return space(r) + "{" + join(fields, r) + "}" + space(r);
    }

    /** A number as a gateway writes one (mostly in range), or one of the edge spellings. */
    private static String number(Random r, double range) {
        return switch (edgy ? r.nextInt(6) : 1 + r.nextInt(4)) {
            case 0 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 1 -> String.valueOf(r.nextInt((int) range + 1));
            case 2 -> String.format(java.util.Locale.ROOT, "%.2f", r.nextDouble() * range);
            case 3 -> (range < 1000 && r.nextBoolean() ? "-" : "") + r.nextDouble() * range; // angles only
            case 4 -> String.valueOf((float) (r.nextDouble() * range));
            default -> digits(r);
        };
    }

    /** 1 to 25 random digits with a decimal point and an exponent somewhere (or not). */
    private static String digits(Random r) {
        StringBuilder b = new StringBuilder().append(1 + r.nextInt(9));
        int length = r.nextInt(25);
        int point = r.nextInt(length + 2);
        for (int i = 0; i < length; i++) {
            b.append(i == point ? "." : "").append(r.nextInt(10));
        }
        if (r.nextInt(3) == 0) {
            b.append(r.nextBoolean() ? 'e' : 'E').append(r.nextBoolean() ? "-" : "").append(r.nextInt(30));
        }
        return b.toString();
    }

    private static String join(List<String> parts, Random r) {
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            if (b.length() > 0) {
                b.append(space(r)).append(',');
            }
            b.append(space(r)).append(part.replace(":", space(r) + ":" + space(r)));
        }
        return b.append(space(r)).toString();
    }

    private static String space(Random r) {
        return r.nextInt(3) != 0 ? "" : " \t\n\r".substring(r.nextInt(4), 4);
    }

    private static String mutate(byte[] b, Random r) {
        byte[] m = b.clone();
        int at = r.nextInt(m.length);
        String s = new String(m, StandardCharsets.ISO_8859_1);
        String alphabet = "{}[],:\"-+.eE0129 nul\\x";
        String noise = String.valueOf(alphabet.charAt(r.nextInt(alphabet.length())));
        return switch (r.nextInt(3)) {
            case 0 -> s.substring(0, at) + s.substring(at + 1);
            case 1 -> s.substring(0, at) + noise + s.substring(at + 1);
            default -> s.substring(0, at) + noise + s.substring(at);
        };
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
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
