/**
 * Who may do what: accounts with Argon2id password hashes, dashboard login sessions (cookie +
 * CSRF token), personal API tokens, coaches' read grants, and the Micronaut Security
 * {@link io.micronaut.security.filters.AuthenticationFetcher} that turns a request's cookie or
 * bearer token into an {@link io.micronaut.security.authentication.Authentication}. Secrets are
 * stored only as digests (random secrets) or slow hashes (passwords).
 */
package dev.spinetrack.server.security;
