/**
 * Storage on Micronaut Data JDBC ({@code JdbcOperations} and its transactions) with Flyway
 * migrations; portable SQL that runs on H2 (default) and PostgreSQL.
 */
package dev.spinetrack.server.storage;
