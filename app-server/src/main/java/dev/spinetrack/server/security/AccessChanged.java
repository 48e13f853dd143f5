package dev.spinetrack.server.security;

/**
 * Published when someone may have lost access to data: a device changed owner, a grant was
 * revoked, an account was disabled or logged out. Open live streams re-check their access.
 *
 * @param reason for the log
 */
public record AccessChanged(String reason) {
}
