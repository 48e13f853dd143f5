package dev.spinetrack.server.security;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A registered gateway as listed (its secret is shown once, at registration).
 *
 * @param id        MQTT user name and topic segment
 * @param createdAt epoch ms
 */
@Serdeable
public record Gateway(String id, long createdAt) {
}
