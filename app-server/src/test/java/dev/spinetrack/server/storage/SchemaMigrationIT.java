package dev.spinetrack.server.storage;

import dev.spinetrack.server.testing.TestDatabase;
import dev.spinetrack.server.testing.TestServer;
import dev.spinetrack.testing.TestBroker;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The application's own migration setup on the database the ITs run on (H2, or PostgreSQL with
 * {@code spinetrack.it.jdbc}): the database-dependent Java migrations are found besides the SQL
 * ones and applied, and on PostgreSQL built with lz4 the sample blocks are compressed with it.
 */
class SchemaMigrationIT {

    @Test
    void javaMigrationsRunAndBlocksUseLz4OnPostgres() {
        String gateway = "it-schema-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (TestBroker broker = TestBroker.shared(); TestDatabase db = TestDatabase.create();
             EmbeddedServer server = TestServer.start(TestServer.properties(broker.url(), db, gateway,
                     gateway + "-server"))) {
            Database database = server.getApplicationContext().getBean(Database.class);
            List<Boolean> applied = database.read(c -> Rows.list(c,
                    "SELECT \"success\" FROM \"flyway_schema_history\" WHERE \"version\" = '51'", ps -> {
                    }, rs -> rs.getBoolean(1)));
            assertEquals(List.of(true), applied, "version 51 (a Java migration) applied once");
            List<Boolean> packed = database.read(c -> Rows.list(c,
                    "SELECT \"success\" FROM \"flyway_schema_history\" WHERE \"version\" = '52'", ps -> {
                    }, rs -> rs.getBoolean(1)));
            assertEquals(List.of(true), packed, "version 52 (packed blocks, a Java migration) applied once");
            if (db.postgres()) {
                boolean lz4 = database.read(c -> Rows.first(c, "SELECT 1 FROM pg_settings WHERE name = "
                        + "'default_toast_compression' AND 'lz4' = ANY(enumvals)", ps -> {
                        }, rs -> true).isPresent());
                String method = database.read(c -> Rows.first(c, "SELECT attcompression::text FROM pg_attribute "
                        + "WHERE attrelid = 'sample_blocks'::regclass AND attname = 'data'", ps -> {
                        }, rs -> rs.getString(1)).orElseThrow());
                assertEquals(lz4 ? "l" : "", method, "compression of sample_blocks.data (lz4 available: " + lz4 + ")");
                String packedMethod = database.read(c -> Rows.first(c, "SELECT attcompression::text FROM pg_attribute "
                        + "WHERE attrelid = 'sample_blocks'::regclass AND attname = 'packed'", ps -> {
                        }, rs -> rs.getString(1)).orElseThrow());
                assertEquals(lz4 ? "l" : "", packedMethod, "compression of sample_blocks.packed");
            }
        }
    }
}
