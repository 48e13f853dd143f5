/**
 * The HTTP adapter under {@code /api}: devices, users, sessions, per-region statistics and
 * history, exports, guided programs ({@code /api/programs}, {@code /api/guided-sessions}),
 * tender spots, and the dashboard's static files served at {@code /}; errors as
 * {@code application/problem+json} naming field and reason.
 */
package dev.spinetrack.server.http;
