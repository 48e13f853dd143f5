package dev.spinetrack.server.security;

import io.micronaut.core.annotation.Nullable;

/**
 * Who made a request, as established by {@link CredentialFetcher}.
 *
 * @param user user id
 * @param role their role
 * @param csrf the CSRF token a state-changing request must echo when it came with the session
 *             cookie; null for bearer tokens (no ambient credential a foreign page could use)
 */
public record Caller(String user, Role role, @Nullable String csrf) {
}
