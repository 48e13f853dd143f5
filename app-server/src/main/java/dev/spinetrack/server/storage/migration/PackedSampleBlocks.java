package dev.spinetrack.server.storage.migration;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Version 52: sample blocks get a binary column, {@code packed} ({@link
 * dev.spinetrack.server.storage.PackedBlock}'s layout), which new blocks fill instead of the
 * text column {@code data}; blocks stored before keep their text, which stays readable, so
 * nothing is rewritten. {@code data} may now be null. On PostgreSQL 14 and later {@code packed}
 * is compressed with lz4, as {@code data} is since version 51 ({@link SampleBlockCompression}).
 */
public final class PackedSampleBlocks implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("52");
    }

    @Override
    public String getDescription() {
        return "sample blocks packed as bytes";
    }

    @Override
    public Integer getChecksum() {
        return 52_001; // changes with what migrate does
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            // BYTEA: PostgreSQL's binary type, and one of H2's names for VARBINARY
            st.execute("ALTER TABLE sample_blocks ADD COLUMN packed BYTEA");
            st.execute("ALTER TABLE sample_blocks ALTER COLUMN data DROP NOT NULL");
        }
        SampleBlockCompression.useLz4(c, "packed");
    }
}
