package dev.spinetrack.protocol.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicsTest {

    @Test
    void buildsTheDocumentedTree() {
        assertEquals("spinetrack/v1/gw-1/c0ffee000001/samples", Topics.samples("gw-1", "c0ffee000001"));
        assertEquals("spinetrack/v1/gw-1/c0ffee000001/info", Topics.info("gw-1", "c0ffee000001"));
        assertEquals("spinetrack/v1/gw-1/c0ffee000001/status", Topics.deviceStatus("gw-1", "c0ffee000001"));
        assertEquals("spinetrack/v1/gw-1/status", Topics.gatewayStatus("gw-1"));
        assertEquals("spinetrack/v1/+/+/samples", Topics.ALL_SAMPLES);
        assertEquals("spinetrack/v1/+/status", Topics.ALL_GATEWAY_STATUS);
        assertEquals(1, Topics.QOS);
    }

    @Test
    void parsesWhatItBuilds() {
        assertEquals(Optional.of(new Topics.TopicAddress("gw-1", "c0ffee000001", Topics.TopicAddress.Kind.SAMPLES)),
                Topics.parse(Topics.samples("gw-1", "c0ffee000001")));
        assertEquals(Optional.of(new Topics.TopicAddress("gw-1", "c0ffee000001", Topics.TopicAddress.Kind.INFO)),
                Topics.parse(Topics.info("gw-1", "c0ffee000001")));
        assertEquals(Optional.of(new Topics.TopicAddress("gw-1", "c0ffee000001", Topics.TopicAddress.Kind.DEVICE_STATUS)),
                Topics.parse(Topics.deviceStatus("gw-1", "c0ffee000001")));
        assertEquals(Optional.of(new Topics.TopicAddress("gw-1", null, Topics.TopicAddress.Kind.GATEWAY_STATUS)),
                Topics.parse(Topics.gatewayStatus("gw-1")));
        assertEquals(Optional.of(new Topics.TopicAddress("gw-1", null, Topics.TopicAddress.Kind.SAMPLE_BUNDLE)),
                Topics.parse(Topics.bundle("gw-1")));
        assertEquals(Optional.of(new Topics.TopicAddress("gw-1", null, Topics.TopicAddress.Kind.STORED_BUNDLE)),
                Topics.parse(Topics.storedBundle("gw-1")));
    }

    @Test
    void bundleTopicsAreTheGatewaysOwnLevel() {
        assertEquals("spinetrack/v1/gw-1/samples", Topics.bundle("gw-1"));
        assertEquals("spinetrack/v1/gw-1/stored", Topics.storedBundle("gw-1"));
        assertEquals("spinetrack/v1/+/samples", Topics.ALL_BUNDLES);
        assertThrows(IllegalArgumentException.class, () -> Topics.bundle("status"));
        assertEquals(Optional.empty(), Topics.parse("spinetrack/v1/gw-1/info"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "spinetrack/v1", "spinetrack/v2/gw-1/status", "spinetrack/v1/gw-1/c0ffee000001/other",
            "spinetrack/v1/gw-1/C0FFEE000001/samples", "spinetrack/v1/gw-1/c0ffee000001/samples/extra",
            "spinetrack/v1//status", "spinetrack/v1/gw-1/c0ffee00001/samples", "x/spinetrack/v1/gw-1/status",
            "spinetrack/v1/status/status"})
    void rejectsForeignOrMalformedTopics(String topic) {
        assertEquals(Optional.empty(), Topics.parse(topic));
    }

    @Test
    void parseOfNullIsEmpty() {
        assertEquals(Optional.empty(), Topics.parse(null));
    }

    @Test
    void gatewayIdsAreTopicSafe() {
        assertTrue(Topics.validGatewayId("gw-livingroom"));
        assertTrue(Topics.validGatewayId("A.b_c-9"));
        assertTrue(Topics.validGatewayId("x".repeat(64)));
        assertFalse(Topics.validGatewayId("x".repeat(65)));
        assertFalse(Topics.validGatewayId("-gw"));
        assertFalse(Topics.validGatewayId("gw/1"));
        assertFalse(Topics.validGatewayId("gw+"));
        assertFalse(Topics.validGatewayId("gw#"));
        assertFalse(Topics.validGatewayId("status"));
        assertFalse(Topics.validGatewayId(""));
        assertFalse(Topics.validGatewayId(null));
    }

    @Test
    void deviceIdsAreBleAddressesInLowerCaseHex() {
        assertEquals("c0ffee000001", Topics.deviceIdOf("C0:FF:EE:00:00:01"));
        assertEquals("c0ffee000001", Topics.deviceIdOf("c0-ff-ee-00-00-01"));
        assertTrue(Topics.validDeviceId("c0ffee000001"));
        assertFalse(Topics.validDeviceId("C0FFEE000001"));
        assertFalse(Topics.validDeviceId("c0ffee00000g"));
        assertFalse(Topics.validDeviceId("c0ffee0000011"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Topics.deviceIdOf("C0:FF:EE"));
        assertEquals("not a BLE address: C0:FF:EE", e.getMessage());
    }

    @Test
    void buildingWithBadIdsSaysWhichIdIsWrong() {
        assertEquals("invalid gateway id: gw/1",
                assertThrows(IllegalArgumentException.class, () -> Topics.samples("gw/1", "c0ffee000001")).getMessage());
        assertEquals("device id must be 12 lower-case hex digits, was C0FFEE000001",
                assertThrows(IllegalArgumentException.class, () -> Topics.info("gw", "C0FFEE000001")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Topics.gatewayStatus("+"));
    }

    /**
     * The ids' grammar of PROTOCOL.md §7.1 as regular expressions, an oracle apart from the
     * hand-written checks, over random strings near its edges (lengths 0-66, an alphabet of the
     * allowed characters, their neighbours in ASCII, non-ASCII letters and digits, and topic
     * wildcards).
     */
    @Test
    void idChecksAgreeWithTheGrammarOnRandomStrings() {
        Pattern gateway = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
        Pattern device = Pattern.compile("[0-9a-f]{12}");
        String alphabet = "azAZ09bfgF_.-/+#@`[{:é٣ ";
        Random random = new Random(12);
        int validGateways = 0;
        int validDevices = 0;
        for (int n = 0; n < 200_000; n++) {
            int length = n % 2 == 0 ? 12 : random.nextInt(67);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) {
                b.append(n % 4 == 0 ? "0123456789abcdefg".charAt(random.nextInt(17))
                        : alphabet.charAt(random.nextInt(random.nextInt(8) == 0 ? alphabet.length() : 7)));
            }
            String id = b.toString();
            boolean g = gateway.matcher(id).matches() && !id.equals("status");
            boolean d = device.matcher(id).matches();
            assertEquals(g, Topics.validGatewayId(id), () -> "gateway id " + id);
            assertEquals(d, Topics.validDeviceId(id), () -> "device id " + id);
            validGateways += g ? 1 : 0;
            validDevices += d ? 1 : 0;
        }
        // both answers occur often, so the comparison above is not one-sided
        assertTrue(validGateways > 10_000 && validDevices > 1_000, validGateways + " / " + validDevices);
    }
}
