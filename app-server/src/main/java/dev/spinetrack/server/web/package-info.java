/**
 * HTTP side of guided programs and the dashboard: {@code /api/programs},
 * {@code /api/guided-sessions}, {@code /api/tender-spots}, and the dashboard's static files
 * served at {@code /}.
 */
package dev.spinetrack.server.web;
