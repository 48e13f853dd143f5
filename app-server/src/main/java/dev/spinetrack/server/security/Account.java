package dev.spinetrack.server.security;

import io.micronaut.core.annotation.Nullable;

/**
 * A person who can log in.
 *
 * @param id           user id (also the owner id of devices and sessions)
 * @param role         what they may do beyond their own data
 * @param passwordHash Argon2id PHC string; null: cannot log in with a password
 * @param disabled     an admin switched the account off: no login, no token, no gateway
 * @param createdAt    epoch ms
 */
public record Account(String id, Role role, @Nullable String passwordHash, boolean disabled, long createdAt) {
}
