package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.mqtt.Sample;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Raw sample rows into PostgreSQL with {@code COPY ... FROM STDIN}: one command whose rows are
 * plain text, instead of multi-row INSERTs whose 7 parameters per row the driver binds one by
 * one. Part of the caller's transaction like any statement. Text form: doubles as
 * {@link Double#toString} (shortest exact form, which PostgreSQL reads back to the same double),
 * pressures in their Base64 form (no tab, newline or backslash can occur), {@code \N} for null.
 */
final class SampleCopy {

    /** Below this many rows the prepared multi-row INSERT is as cheap and stays in use. */
    static final int MIN_ROWS = 50;

    private SampleCopy() {
    }

    /** Whether {@code c} is a PostgreSQL connection (through the pool's proxy). */
    static boolean supported(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class);
    }

    static void copy(Connection c, String device, List<Sample> rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 512);
        for (Sample s : rows) {
            text.append(device).append('\t').append(s.seq()).append('\t').append(s.t()).append('\t')
                    .append(s.pitch()).append('\t').append(s.roll()).append('\t')
                    .append(PressureCodec.encode(s.p())).append('\t');
            if (s.battery() == null) {
                text.append("\\N");
            } else {
                text.append(s.battery().intValue());
            }
            text.append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY samples (device_id, seq, t, pitch, roll, p, bat) FROM STDIN", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of " + rows.size() + " samples of " + device + " failed", e);
        }
    }
}
