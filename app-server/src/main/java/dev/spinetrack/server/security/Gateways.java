package dev.spinetrack.server.security;

import dev.spinetrack.protocol.mqtt.Topics;
import dev.spinetrack.server.storage.Database;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gateways registered by their owners: each gets MQTT credentials (user name = gateway id, a
 * generated secret shown once and stored as its digest), and the devices it brings first
 * belong to its owner. Owner lookups are cached briefly, as ingest asks for every batch.
 */
@Singleton
public class Gateways {

    /** The server's own MQTT user name; no gateway may take it. */
    public static final String RESERVED = "spinetrack-server";
    private static final long CACHE_MS = 10_000;

    private final Database db;
    private final Map<String, Cached> owners = new ConcurrentHashMap<>();

    public Gateways(Database db) {
        this.db = db;
    }

    private record Cached(Optional<String> owner, long until) {
    }

    /**
     * Registers a gateway for an owner.
     *
     * @return its secret, to show once
     * @throws IllegalArgumentException for a bad or taken id
     */
    public String register(String owner, String id) {
        if (id == null || !Topics.validGatewayId(id) || id.equalsIgnoreCase(RESERVED)) {
            throw new IllegalArgumentException("a gateway id is 1-64 letters, digits, '_', '.' or '-', starting "
                    + "with a letter or digit");
        }
        String secret = Secrets.newSecret("stg_");
        db.write(c -> {
            if (GatewayStore.exists(c, id)) {
                throw new IllegalArgumentException("gateway id '" + id + "' is taken");
            }
            GatewayStore.insert(c, id, owner, Secrets.digest(secret), System.currentTimeMillis());
            return null;
        });
        owners.remove(id);
        return secret;
    }

    /** A new secret for one of the owner's gateways (the old one stops working), or empty. */
    public Optional<String> rotate(String owner, String id) {
        String secret = Secrets.newSecret("stg_");
        boolean done = db.write(c -> GatewayStore.updateSecret(c, id, owner, Secrets.digest(secret)));
        return done ? Optional.of(secret) : Optional.empty();
    }

    /** Removes one of the owner's gateways; its data is refused from then on. */
    public boolean delete(String owner, String id) {
        boolean done = db.write(c -> GatewayStore.delete(c, id, owner));
        owners.remove(id);
        return done;
    }

    /** The owner's gateways. */
    public List<Gateway> of(String owner) {
        return db.read(c -> GatewayStore.ofOwner(c, owner));
    }

    /** The owner of a registered gateway whose account is enabled. */
    public Optional<String> owner(String id) {
        long now = System.currentTimeMillis();
        Cached c = owners.get(id);
        if (c != null && c.until() > now) {
            return c.owner();
        }
        Optional<String> o = db.read(conn -> GatewayStore.find(conn, id)).map(r -> r[0]);
        owners.put(id, new Cached(o, now + CACHE_MS));
        return o;
    }

    /** The owner, when the secret is the gateway's current one. */
    public Optional<String> verify(String id, byte[] secret) {
        if (id == null || secret == null || secret.length > 200) {
            return Optional.empty();
        }
        String digest = Secrets.digest(new String(secret, StandardCharsets.UTF_8));
        return db.read(c -> GatewayStore.find(c, id)).filter(r -> MessageDigest.isEqual(
                r[1].getBytes(StandardCharsets.UTF_8), digest.getBytes(StandardCharsets.UTF_8))).map(r -> r[0]);
    }
}
