/**
 * Migrations that depend on the database in use, so cannot be portable SQL files: Flyway finds
 * them here besides {@code db/migration} (see {@code flyway.datasources.default.locations}).
 */
package dev.spinetrack.server.storage.migration;
