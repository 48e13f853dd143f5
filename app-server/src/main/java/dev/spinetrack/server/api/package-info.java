/**
 * The REST API under {@code /api}: devices, users, sessions, per-region statistics and
 * history, exports; errors as {@code application/problem+json} naming field and reason.
 */
package dev.spinetrack.server.api;
