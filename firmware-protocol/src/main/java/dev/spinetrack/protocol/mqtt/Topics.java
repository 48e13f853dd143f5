package dev.spinetrack.protocol.mqtt;

import java.util.Optional;
/**
 * The MQTT topic tree under the versioned root {@code spinetrack/v1} (PROTOCOL.md §7.1).
 *
 * <pre>
 * spinetrack/v1/{gateway}/status            retained, gateway status and LWT
 * spinetrack/v1/{gateway}/{device}/info     retained, device info
 * spinetrack/v1/{gateway}/{device}/status   retained, device status
 * spinetrack/v1/{gateway}/{device}/samples  QoS 1 sample batches
 * spinetrack/v1/{gateway}/{device}/stored   QoS 1, server to gateway: batches committed
 * spinetrack/v1/{gateway}/samples           QoS 1 sample bundles: batches of several devices
 * spinetrack/v1/{gateway}/stored            QoS 1, server to gateway: bundled confirmations
 * </pre>
 */
public final class Topics {

    /** Versioned root of every topic. */
    public static final String ROOT = "spinetrack/v1";
    /** Filter matching every sample batch. */
    public static final String ALL_SAMPLES = ROOT + "/+/+/samples";
    /** Filter matching every device info. */
    public static final String ALL_INFO = ROOT + "/+/+/info";
    /** Filter matching every device status. */
    public static final String ALL_DEVICE_STATUS = ROOT + "/+/+/status";
    /** Filter matching every end-to-end confirmation. */
    public static final String ALL_STORED = ROOT + "/+/+/stored";
    /** Filter matching every sample bundle (§7.7). */
    public static final String ALL_BUNDLES = ROOT + "/+/samples";
    /** Filter matching every gateway status. */
    public static final String ALL_GATEWAY_STATUS = ROOT + "/+/status";
    /** QoS of every SpineTrack publication. */
    public static final int QOS = 1;

    private Topics() {
    }

    /** Whether a gateway id is allowed: 1-64 of letters, digits, '_', '.', '-', not starting with a symbol. */
    public static boolean validGatewayId(String id) {
        // checked for every message the server receives: a loop, not a regex Matcher per call
        if (id == null || id.isEmpty() || id.length() > 64 || !letterOrDigit(id.charAt(0)) || id.equals("status")) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (!letterOrDigit(ch) && ch != '_' && ch != '.' && ch != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether a device id is allowed: the BLE address as 12 lower-case hex digits. */
    public static boolean validDeviceId(String id) {
        if (id == null || id.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char ch = id.charAt(i);
            if ((ch < '0' || ch > '9') && (ch < 'a' || ch > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** ASCII letters and digits only ({@link Character#isLetterOrDigit} takes any script). */
    private static boolean letterOrDigit(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    }

    /** Device id of a BLE address such as {@code C0:FF:EE:00:00:01}. */
    public static String deviceIdOf(String bleAddress) {
        String id = bleAddress.replace(":", "").replace("-", "").toLowerCase();
        if (!validDeviceId(id)) {
            throw new IllegalArgumentException("not a BLE address: " + bleAddress);
        }
        return id;
    }

    public static String samples(String gateway, String device) {
        return deviceTopic(gateway, device, "samples");
    }

    public static String info(String gateway, String device) {
        return deviceTopic(gateway, device, "info");
    }

    public static String deviceStatus(String gateway, String device) {
        return deviceTopic(gateway, device, "status");
    }

    /** The server's end-to-end confirmations for one device of one gateway (§7.6). */
    public static String stored(String gateway, String device) {
        return deviceTopic(gateway, device, "stored");
    }

    /** Filter a gateway subscribes to for the confirmations of all its devices. */
    public static String storedFilter(String gateway) {
        requireGateway(gateway);
        return ROOT + "/" + gateway + "/+/stored";
    }

    /** A gateway's sample bundles: batches of several of its devices in one message (§7.7). */
    public static String bundle(String gateway) {
        requireGateway(gateway);
        return ROOT + "/" + gateway + "/samples";
    }

    /** The server's bundled confirmations to one gateway (§7.7); a gateway subscribes to it as is. */
    public static String storedBundle(String gateway) {
        requireGateway(gateway);
        return ROOT + "/" + gateway + "/stored";
    }

    public static String gatewayStatus(String gateway) {
        requireGateway(gateway);
        return ROOT + "/" + gateway + "/status";
    }

    private static String deviceTopic(String gateway, String device, String leaf) {
        requireGateway(gateway);
        if (!validDeviceId(device)) {
            throw new IllegalArgumentException("device id must be 12 lower-case hex digits, was " + device);
        }
        return ROOT + "/" + gateway + "/" + device + "/" + leaf;
    }

    private static void requireGateway(String gateway) {
        if (!validGatewayId(gateway)) {
            throw new IllegalArgumentException("invalid gateway id: " + gateway);
        }
    }

    /** What a topic names, parsed; empty when it is not a SpineTrack topic. */
    public static Optional<TopicAddress> parse(String topic) {
        if (topic == null || !topic.startsWith(ROOT + "/")) {
            return Optional.empty();
        }
        String[] parts = topic.substring(ROOT.length() + 1).split("/", -1);
        if (parts.length == 2 && validGatewayId(parts[0])) {
            TopicAddress.Kind kind = switch (parts[1]) {
                case "status" -> TopicAddress.Kind.GATEWAY_STATUS;
                case "samples" -> TopicAddress.Kind.SAMPLE_BUNDLE;
                case "stored" -> TopicAddress.Kind.STORED_BUNDLE;
                default -> null;
            };
            return kind == null ? Optional.empty() : Optional.of(new TopicAddress(parts[0], null, kind));
        }
        if (parts.length == 3 && validGatewayId(parts[0]) && validDeviceId(parts[1])) {
            TopicAddress.Kind kind = switch (parts[2]) {
                case "samples" -> TopicAddress.Kind.SAMPLES;
                case "info" -> TopicAddress.Kind.INFO;
                case "status" -> TopicAddress.Kind.DEVICE_STATUS;
                case "stored" -> TopicAddress.Kind.STORED;
                default -> null;
            };
            return kind == null ? Optional.empty() : Optional.of(new TopicAddress(parts[0], parts[1], kind));
        }
        return Optional.empty();
    }

    /**
     * A parsed topic.
     *
     * @param gateway gateway id
     * @param device  device id, {@code null} for gateway topics
     * @param kind    which leaf
     */
    public record TopicAddress(String gateway, String device, Kind kind) {
        /** Leaves of the topic tree. */
        public enum Kind { SAMPLES, INFO, DEVICE_STATUS, GATEWAY_STATUS, STORED, SAMPLE_BUNDLE, STORED_BUNDLE }
    }
}
