package dev.spinetrack.server.storage.migration;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Version 51: on PostgreSQL 14 and later, new sample blocks are compressed with lz4 instead of
 * PostgreSQL's own pglz. A block of a group's samples is several kilobytes of text, which
 * PostgreSQL compresses on insert; with 200 racks in real time pglz took 40 % of PostgreSQL's
 * CPU on the 2-core box (perf), lz4 a fraction of it. A no-op on H2, on older PostgreSQL and on
 * a server built without lz4 (the blocks then stay with pglz, as before).
 */
public final class SampleBlockCompression implements JavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SampleBlockCompression.class);

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("51");
    }

    @Override
    public String getDescription() {
        return "sample blocks compressed with lz4 on PostgreSQL";
    }

    @Override
    public Integer getChecksum() {
        return 51_001; // changes with what migrate does
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        useLz4(context.getConnection(), "data");
    }

    /**
     * Sets lz4 on a column of {@code sample_blocks} where the database offers it (PostgreSQL 14
     * and later, built with lz4); elsewhere, or when refused, the column keeps its compression.
     */
    static void useLz4(Connection c, String column) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        if (!"PostgreSQL".equals(meta.getDatabaseProductName()) || meta.getDatabaseMajorVersion() < 14) {
            return;
        }
        // a failed statement aborts a PostgreSQL transaction: the attempt gets a savepoint of its own
        Savepoint before = c.setSavepoint();
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE sample_blocks ALTER COLUMN " + column + " SET COMPRESSION lz4");
            c.releaseSavepoint(before);
        } catch (SQLException e) {
            c.rollback(before);
            LOG.info("sample_blocks.{} keeps PostgreSQL's default compression: {}", column, e.getMessage());
        }
    }
}
