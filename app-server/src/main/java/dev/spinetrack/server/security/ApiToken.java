package dev.spinetrack.server.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A personal API token as listed (the secret itself is shown once, at creation).
 *
 * @param id        to revoke it
 * @param name      the user's label, e.g. "backup script"
 * @param createdAt epoch ms
 * @param lastUsed  epoch ms of the last request made with it, or null
 */
@Serdeable
public record ApiToken(long id, String name, long createdAt, @Nullable Long lastUsed) {
}
