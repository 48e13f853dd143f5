package dev.spinetrack.server.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** Starts the app server on a random HTTP port against a test broker and database. */
public final class TestServer {

    private TestServer() {
    }

    /**
     * Server properties for one test run.
     *
     * @param broker   broker URL
     * @param db       database
     * @param gateway  the only gateway id whose topics the server consumes (unique per run)
     * @param clientId MQTT client id (keep it across a restart to resume the session)
     */
    public static Map<String, Object> properties(String broker, TestDatabase db, String gateway, String clientId) {
        Map<String, Object> p = new HashMap<>(db.properties());
        try {
            p.put("spinetrack.data-dir", Files.createTempDirectory("spinetrack-it-data").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        p.put("micronaut.server.port", -1);
        p.put("spinetrack.mqtt.url", broker);
        p.put("spinetrack.mqtt.gateway", gateway);
        p.put("spinetrack.mqtt.shared-group", "");
        p.put("spinetrack.mqtt.client-id", clientId);
        return p;
    }

    public static EmbeddedServer start(Map<String, Object> properties) {
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

}
