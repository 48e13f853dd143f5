package dev.spinetrack.server.testing;

import dev.spinetrack.server.security.Accounts;
import dev.spinetrack.server.security.Gateways;
import dev.spinetrack.server.security.Role;
import dev.spinetrack.server.security.Secrets;
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

    /**
     * Starts a server. The gateway it consumes ({@code spinetrack.mqtt.gateway}) is registered
     * to {@link #DEFAULT_USER}, so its devices are accepted and owned by that account, as a
     * user's own gateway would be.
     */
    public static EmbeddedServer start(Map<String, Object> properties) {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        Object gateway = properties.get("spinetrack.mqtt.gateway");
        if (gateway != null && !"+".equals(gateway)) {
            registerGateway(server, DEFAULT_USER, gateway.toString());
        }
        return server;
    }

    /** Registers (or re-keys) a gateway for a user, creating the account if needed; returns its MQTT secret. */
    public static String registerGateway(EmbeddedServer server, String user, String gateway) {
        Accounts accounts = server.getApplicationContext().getBean(Accounts.class);
        if (!accounts.exists(user)) {
            accounts.save(user, Secrets.newSecret(""), Role.USER);
        }
        Gateways gateways = server.getApplicationContext().getBean(Gateways.class);
        return gateways.rotate(user, gateway).orElseGet(() -> gateways.register(user, gateway));
    }

    /** Owner of devices from gateways no account registered (spinetrack.users.default-user). */
    public static final String DEFAULT_USER = "demo";

    /**
     * An {@code Authorization} header value for a user: creates the account (random password,
     * or keeps the existing one) and a fresh personal API token, as the user would through
     * {@code POST /api/tokens}.
     */
    public static String bearer(EmbeddedServer server, String user) {
        return bearer(server, user, Role.USER);
    }

    /** As {@link #bearer(EmbeddedServer, String)}, with a role. */
    public static String bearer(EmbeddedServer server, String user, Role role) {
        Accounts accounts = server.getApplicationContext().getBean(Accounts.class);
        if (!accounts.exists(user) || role == Role.ADMIN) {
            accounts.save(user, Secrets.newSecret(""), role);
        }
        return "Bearer " + accounts.createToken(user, "test").secret();
    }

}
