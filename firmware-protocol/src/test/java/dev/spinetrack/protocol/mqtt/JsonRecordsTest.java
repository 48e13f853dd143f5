package dev.spinetrack.protocol.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinetrack.protocol.gatt.CellPlacement;
import dev.spinetrack.protocol.gatt.DeviceCapabilities;
import dev.spinetrack.protocol.gatt.DeviceKind;
import dev.spinetrack.protocol.gatt.PressureUnit;
import dev.spinetrack.protocol.region.Region;
import dev.spinetrack.protocol.region.Side;
import dev.spinetrack.protocol.region.SpinalLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation of the MQTT payload records, through JSON as a receiver meets it. */
class JsonRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "{\"seq\":1,\"t\":2,\"pitch\":0.5,\"roll\":-1.5,\"p\":[1.0,2.0]}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong version      | {\"v\":2,\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"batch\":1,\"sentAt\":0,\"samples\":[S]} | v must be 1, was 2",
        "missing version    | {\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"batch\":1,\"sentAt\":0,\"samples\":[S]} | v must be 1, was 0",
        "bad gateway        | {\"v\":1,\"gateway\":\"gw/x\",\"device\":\"c0ffee000001\",\"batch\":1,\"sentAt\":0,\"samples\":[S]} | gateway is not a valid gateway id: gw/x",
        "upper-case device  | {\"v\":1,\"gateway\":\"gw\",\"device\":\"C0FFEE000001\",\"batch\":1,\"sentAt\":0,\"samples\":[S]} | device must be 12 lower-case hex digits, was C0FFEE000001",
        "no samples         | {\"v\":1,\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"batch\":1,\"sentAt\":0,\"samples\":[]} | samples must hold 1..10000, held 0",
        "samples missing    | {\"v\":1,\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"batch\":1,\"sentAt\":0} | samples",
        "repeated seq       | {\"v\":1,\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"batch\":1,\"sentAt\":0,\"samples\":[S,S]} | samples[1].seq 1 is not above the previous 1",
        "negative seq       | {\"v\":1,\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"batch\":1,\"sentAt\":0,\"samples\":[{\"seq\":-1,\"t\":0,\"pitch\":0,\"roll\":0,\"p\":[1]}]} | seq must be >= 0, was -1",
        "pitch 90.01        | {\"v\":1,\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"batch\":1,\"sentAt\":0,\"samples\":[{\"seq\":1,\"t\":0,\"pitch\":90.01,\"roll\":0,\"p\":[1]}]} | pitch must be in [-90, 90] degrees, was 90.01",
        "roll -181          | {\"v\":1,\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"batch\":1,\"sentAt\":0,\"samples\":[{\"seq\":1,\"t\":0,\"pitch\":0,\"roll\":-181,\"p\":[1]}]} | roll must be in [-180, 180] degrees, was -181.0",
        "no channels        | {\"v\":1,\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"batch\":1,\"sentAt\":0,\"samples\":[{\"seq\":1,\"t\":0,\"pitch\":0,\"roll\":0,\"p\":[]}]} | p must have 1..32 channels",
        "negative pressure  | {\"v\":1,\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"batch\":1,\"sentAt\":0,\"samples\":[{\"seq\":1,\"t\":0,\"pitch\":0,\"roll\":0,\"p\":[1,-0.5]}]} | p[1] must be a finite value >= 0, was -0.5",
        "battery 101        | {\"v\":1,\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"batch\":1,\"sentAt\":0,\"samples\":[{\"seq\":1,\"t\":0,\"pitch\":0,\"roll\":0,\"p\":[1],\"bat\":101}]} | bat must be in [0, 100], was 101",
    })
    void badBatchesAreRejectedNamingTheMember(String why, String json, String message) {
        String body = json.replace("S", SAMPLE);
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(body, SampleBatch.class));
        assertTrue(e.getMessage().contains(message), () -> why + ": " + e.getMessage());
    }

    @Test
    void unknownMembersAreIgnoredSoV1CanGrow() throws JsonProcessingException {
        SampleBatch b = JSON.readValue("{\"v\":1,\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"batch\":3,\"sentAt\":9,"
                + "\"future\":{\"x\":1},\"samples\":[{\"seq\":1,\"t\":2,\"pitch\":0,\"roll\":0,\"p\":[1],\"extra\":true}]}",
                SampleBatch.class);
        assertEquals(3, b.batch());
        assertEquals(1, b.samples().size());
    }

    @Test
    void absentBatteryIsOmittedNotNull() throws JsonProcessingException {
        Sample s = new Sample(1, 2, 0, 0, new double[] {1}, null);
        assertFalse(JSON.writeValueAsString(s).contains("bat"));
        assertTrue(JSON.writeValueAsString(new Sample(1, 2, 0, 0, new double[] {1}, 40)).contains("\"bat\":40"));
    }

    @Test
    void samplesCompareByValue() {
        assertEquals(new Sample(1, 2, 0.5, 1, new double[] {1, 2}, 3), new Sample(1, 2, 0.5, 1, new double[] {1, 2}, 3));
        assertFalse(new Sample(1, 2, 0.5, 1, new double[] {1, 2}, 3).equals(new Sample(1, 2, 0.5, 1, new double[] {1, 2}, null)));
    }

    @Test
    void batchesHoldAtMostTenThousandSamples() {
        List<Sample> many = java.util.stream.LongStream.range(0, SampleBatch.MAX_SAMPLES + 1)
                .mapToObj(i -> new Sample(i, i, 0, 0, new double[] {0}, null)).toList();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleBatch.of("gw", "c0ffee000001", 1, 0, many));
        assertEquals("samples must hold 1..10000, held 10001", e.getMessage());
        assertEquals(10_000, SampleBatch.of("gw", "c0ffee000001", 1, 0, many.subList(0, 10_000)).samples().size());
    }

    @Test
    void deviceInfoChecksRateAndThresholdAndCells() {
        List<CellInfo> cells = List.of(new CellInfo(0, null, Side.NONE, null));
        assertEquals("rateHz 5 outside [10, 200]", assertThrows(IllegalArgumentException.class,
                () -> new DeviceInfo(1, "gw", "c0ffee000002", null, DeviceKind.BALL, "1.0.0", 10, 200, 5,
                        PressureUnit.KILOPASCAL, 1, cells)).getMessage());
        assertEquals("contactThreshold must be >= 0, was NaN", assertThrows(IllegalArgumentException.class,
                () -> new DeviceInfo(1, "gw", "c0ffee000002", null, DeviceKind.BALL, "1.0.0", 10, 200, 50,
                        PressureUnit.KILOPASCAL, Double.NaN, cells)).getMessage());
        assertEquals("cells must not be empty", assertThrows(IllegalArgumentException.class,
                () -> new DeviceInfo(1, "gw", "c0ffee000002", null, DeviceKind.BALL, "1.0.0", 10, 200, 50,
                        PressureUnit.KILOPASCAL, 1, List.of())).getMessage());
        assertThrows(JsonProcessingException.class, () -> JSON.readValue("{\"v\":1,\"gateway\":\"gw\",\"device\":"
                + "\"c0ffee000002\",\"kind\":\"SOFA\",\"firmware\":\"1\",\"minRateHz\":1,\"maxRateHz\":2,\"rateHz\":1,"
                + "\"unit\":\"NEWTON\",\"contactThreshold\":1,\"cells\":[{\"index\":0,\"side\":\"NONE\"}]}", DeviceInfo.class));
    }

    @Test
    void cellInfoKeepsLevelAndSideTogether() {
        assertEquals("cell 3: level and side go together", assertThrows(IllegalArgumentException.class,
                () -> new CellInfo(3, SpinalLevel.T6, Side.NONE, null)).getMessage());
        assertEquals("index must be 0..31, was 32", assertThrows(IllegalArgumentException.class,
                () -> new CellInfo(32, null, Side.NONE, null)).getMessage());
    }

    @Test
    void deviceInfoOfARackNamesEachCellsRegion() {
        DeviceCapabilities caps = new DeviceCapabilities(DeviceKind.RACK, 1, 0, 0, 10, 100, PressureUnit.NEWTON, 10, 300,
                List.of(new CellPlacement(SpinalLevel.T6, Side.LEFT), new CellPlacement(SpinalLevel.L2, Side.RIGHT)));
        DeviceInfo info = DeviceInfo.of("gw", "c0ffee000001", null, 50, caps);
        assertEquals(List.of(new CellInfo(0, SpinalLevel.T6, Side.LEFT, Region.MID_THORACIC_LEFT),
                new CellInfo(1, SpinalLevel.L2, Side.RIGHT, Region.LUMBAR_RIGHT)), info.cells());
        assertEquals(3.0, info.contactThreshold());
        assertEquals("1.0.0", info.firmware());
    }

    @Test
    void statusRecordsCheckTheirMembers() {
        assertEquals("battery must be in [0, 100], was -1", assertThrows(IllegalArgumentException.class,
                () -> new DeviceStatus(1, "gw", "c0ffee000001", DeviceState.ONLINE, 0, -1, null, null)).getMessage());
        assertEquals("device must be 12 lower-case hex digits, was gw", assertThrows(IllegalArgumentException.class,
                () -> new DeviceStatus(1, "gw", "gw", DeviceState.ONLINE, 0, null, null, null)).getMessage());
        assertThrows(NullPointerException.class,
                () -> new DeviceStatus(1, "gw", "c0ffee000001", null, 0, null, null, null));
        assertEquals("gateway counters must be >= 0", assertThrows(IllegalArgumentException.class,
                () -> new GatewayStatus(1, "gw", DeviceState.ONLINE, 0, 0, 0, 0, -1, 0, 0, 0)).getMessage());
        assertEquals("v must be 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> new GatewayStatus(0, "gw", DeviceState.ONLINE, 0, 0, 0, 0, 0, 0, 0, 0)).getMessage());
        assertEquals(DeviceState.LOST, GatewayStatus.lost("gw").state());
    }

    @Test
    void bundlesHoldOnlyTheirGatewaysBatchesAndConfirmations() {
        SampleBatch other = SampleBatch.of("gw-2", "c0ffee000001", 1, 0, List.of(new Sample(0, 0, 0, 0, new double[] {1}, null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleBundle.of("gw-1", List.of(other)));
        assertEquals("batches[0].gateway gw-2 is not the bundle's gateway gw-1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SampleBundle.of("gw-1", List.of()));
        StoredConfirmation c = StoredConfirmation.of("gw-2", "c0ffee000001", 0, List.of(new long[] {0, 0}));
        e = assertThrows(IllegalArgumentException.class, () -> StoredBundle.of("gw-1", List.of(c)));
        assertEquals("confirmations[0].gateway gw-2 is not the bundle's gateway gw-1", e.getMessage());
    }

    @Test
    void aConfirmationWithoutBundlesReadsAsFalseAndOmitsIt() throws JsonProcessingException {
        ObjectMapper json = new ObjectMapper();
        StoredConfirmation old = json.readValue(
                "{\"v\":1,\"gateway\":\"gw\",\"device\":\"c0ffee000001\",\"ranges\":[[1,2]]}", StoredConfirmation.class);
        assertFalse(old.bundles());
        assertFalse(json.writeValueAsString(old).contains("bundles"));
        assertTrue(json.writeValueAsString(old.withBundles(true)).contains("\"bundles\":true"));
    }
}
