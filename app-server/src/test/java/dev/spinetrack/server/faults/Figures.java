package dev.spinetrack.server.faults;

import dev.spinetrack.server.storage.PackedBlock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a server made of the samples: its stored sample identities (from its database) and its
 * sessions with their per-region figures (from its REST API), and the comparison of two such.
 */
final class Figures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Members that name a server's own bookkeeping or wall clock, not what the data says. */
    private static final Set<String> NOT_FIGURES = Set.of("id", "session", "open", "endedAt", "endReason", "user");

    private Figures() {
    }

    /** (device, position) keys stored for devices starting with {@code prefix}. */
    static Set<String> stored(String jdbc, String prefix) {
        Set<String> out = new HashSet<>();
        forEachStored(jdbc, prefix, (device, seq) -> out.add(device + "/" + seq));
        return out;
    }

    /** Stored samples for the prefix (a key stored twice, in two blocks, would count twice). */
    static long storedRows(String jdbc, String prefix) {
        long[] n = {0};
        try {
            forEachStored(jdbc, prefix, (device, seq) -> n[0]++);
        } catch (IllegalStateException e) {
            return -1;
        }
        return n[0];
    }

    private static void forEachStored(String jdbc, String prefix, java.util.function.ObjLongConsumer<String> each) {
        try (Connection c = DriverManager.getConnection(jdbc);
             PreparedStatement ps = c.prepareStatement("SELECT device_id, data, packed FROM sample_blocks WHERE device_id LIKE ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (long seq : PackedBlock.seqs(rs.getString(2), rs.getBytes(3))) {
                        each.accept(rs.getString(1), seq);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading stored samples: " + e.getMessage(), e);
        }
    }

    /**
     * The sessions of the prefix's devices with their per-region figures, ordered by device and
     * first sample time, without ids, open/closed state and end reason (a final session a
     * server left open and one its silent sweep closed hold the same samples and figures).
     */
    static List<JsonNode> sessions(int httpPort, String prefix) {
        List<JsonNode> out = new ArrayList<>();
        String cookie = login(httpPort);
        JsonNode list = get(httpPort, "/api/sessions?limit=1000", cookie);
        for (JsonNode s : list) {
            if (!s.path("device").asText().startsWith(prefix)) {
                continue;
            }
            JsonNode detail = get(httpPort, "/api/sessions/" + s.path("id").asLong(), cookie);
            ObjectNode n = JSON.createObjectNode();
            n.set("session", strip(detail.path("session")));
            List<JsonNode> regions = new ArrayList<>();
            detail.path("regions").forEach(r -> regions.add(strip(r)));
            regions.sort(Comparator.comparing(r -> r.path("region").asText()));
            n.set("regions", JSON.valueToTree(regions));
            out.add(n);
        }
        out.sort(Comparator.<JsonNode, String>comparing(n -> n.path("session").path("device").asText())
                .thenComparingLong(n -> n.path("session").path("firstT").asLong()));
        return out;
    }

    private static JsonNode strip(JsonNode n) {
        ObjectNode copy = n.deepCopy();
        NOT_FIGURES.forEach(copy::remove);
        return copy;
    }

    /** Logs in as the suite's account; the session cookie ("name=value"). */
    private static String login(int port) {
        try {
            String body = JSON.writeValueAsString(Map.of("username", DeliveryFaultSuiteIT.USER,
                    "password", DeliveryFaultSuiteIT.PASSWORD));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/auth/login")).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("login -> " + r.statusCode() + ": " + r.body());
            }
            return r.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        } catch (IOException e) {
            throw new IllegalStateException("login: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode get(int port, String path, String cookie) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Cookie", cookie).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Differences between two session lists, for people; empty when every figure is equal. */
    static List<String> differences(List<JsonNode> disturbed, List<JsonNode> undisturbed) {
        List<String> out = new ArrayList<>();
        if (disturbed.size() != undisturbed.size()) {
            out.add(disturbed.size() + " sessions vs " + undisturbed.size() + " in the undisturbed replay");
        }
        for (int i = 0; i < Math.min(disturbed.size(), undisturbed.size()); i++) {
            compare("session[" + i + "]", disturbed.get(i), undisturbed.get(i), out);
        }
        return out;
    }

    private static void compare(String at, JsonNode a, JsonNode b, List<String> out) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            // figures are sums in the same order, so equal; a relative 1e-9 only forgives the last bit of a double
            if (x != y && Math.abs(x - y) > 1e-9 * Math.max(Math.abs(x), Math.abs(y))) {
                out.add(at + ": " + a + " vs " + b);
            }
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new HashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                compare(at + "." + f, a.path(f), b.path(f), out);
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                out.add(at + ": " + a.size() + " entries vs " + b.size());
            }
            Iterator<JsonNode> x = a.iterator();
            Iterator<JsonNode> y = b.iterator();
            for (int i = 0; x.hasNext() && y.hasNext(); i++) {
                compare(at + "[" + i + "]", x.next(), y.next(), out);
            }
            return;
        }
        if (!a.equals(b)) {
            out.add(at + ": " + a + " vs " + b);
        }
    }

    /** A map's entries as text, for logs. */
    static String describe(Map<String, ?> m) {
        return m.toString();
    }
}
