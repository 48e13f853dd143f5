package dev.spinetrack.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database for integration tests: PostgreSQL at {@code spinetrack.it.jdbc} when set (in a
 * schema of its own, dropped on close), else an H2 file in a temporary directory. Either way it
 * survives a server restart within the test.
 */
public final class TestDatabase implements AutoCloseable {

    private final String jdbc;
    private final String schema;
    private final Map<String, Object> properties = new HashMap<>();

    private TestDatabase(String jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    public static TestDatabase create() {
        String pg = System.getProperty("spinetrack.it.jdbc", "");
        if (!pg.isBlank()) {
            String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(pg); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create schema " + schema + " at " + pg, e);
            }
            TestDatabase db = new TestDatabase(pg, schema);
            db.properties.put("datasources.default.url", pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            db.properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
            db.properties.put("datasources.default.dialect", "POSTGRES");
            db.properties.put("datasources.default.username", "");
            db.properties.put("datasources.default.password", "");
            db.properties.put("flyway.datasources.default.default-schema", schema);
            db.properties.put("flyway.datasources.default.schemas", schema);
            return db;
        }
        try {
            Path dir = Files.createTempDirectory("spinetrack-it-db");
            TestDatabase db = new TestDatabase(null, null);
            db.properties.put("datasources.default.url", "jdbc:h2:file:" + dir.resolve("it")
                    + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64");
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An H2 file database in {@code dir} (the same files for every call with that dir), whatever else is set. */
    public static TestDatabase h2(Path dir) {
        TestDatabase db = new TestDatabase(null, null);
        db.properties.put("datasources.default.url", "jdbc:h2:file:" + dir.resolve("it")
                + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64");
        return db;
    }

    /** Datasource properties for the server. */
    public Map<String, Object> properties() {
        return properties;
    }

    /**
     * A connection of the test's own to the server's database (for H2, the very database the
     * server in this JVM has open), beside the server's pool.
     */
    public Connection connect() throws SQLException {
        String url = (String) properties.get("datasources.default.url");
        return jdbc != null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, "sa", "");
    }

    /** Whether this is PostgreSQL. */
    public boolean postgres() {
        return jdbc != null;
    }

    @Override
    public void close() {
        if (jdbc == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            // leaving a schema behind is untidy, not a test failure
        }
    }
}
