package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.mqtt.Sample;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw samples keyed by (device, seq). Inserting drops samples already held, which is what
 * makes redelivered batches harmless, across restarts too.
 */
@Singleton
public class SampleStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SampleStore.class);
    private final java.util.concurrent.atomic.AtomicLong conflicts = new java.util.concurrent.atomic.AtomicLong();

    /** Rows per multi-row INSERT: 350 parameters, far below every driver's limit. */
    static final int ROWS_PER_INSERT = 50;

    /**
     * Stores the samples of a batch not held yet, within the caller's transaction.
     *
     * @return the samples that were new, in the batch's order
     */
    public List<Sample> insertNew(Connection c, String device, List<Sample> batch) throws SQLException {
        return insertNew(c, device, batch, Long.MAX_VALUE);
    }

    /**
     * Like {@link #insertNew(Connection, String, List)}, skipping the probe for samples already
     * held when every sample of the batch lies above {@code storedHigh}.
     *
     * @param storedHigh at least the highest seq of the device stored, or {@link Long#MAX_VALUE}
     *                   when the caller does not know it
     */
    public List<Sample> insertNew(Connection c, String device, List<Sample> batch, long storedHigh)
            throws SQLException {
        long lowest = Long.MAX_VALUE;
        for (Sample s : batch) {
            lowest = Math.min(lowest, s.seq());
        }
        if (storedHigh != Long.MAX_VALUE && lowest > storedHigh) {
            List<Sample> fresh = new ArrayList<>(batch);
            insert(c, device, fresh);
            return fresh;
        }
        long min = batch.get(0).seq();
        long max = batch.get(batch.size() - 1).seq();
        java.util.Map<Long, String> held = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, t, pitch, roll, p, bat FROM samples WHERE device_id = ? AND seq BETWEEN ? AND ?")) {
            ps.setString(1, device);
            ps.setLong(2, Math.min(min, max));
            ps.setLong(3, Math.max(min, max));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object bat = rs.getObject(6);
                    held.put(rs.getLong(1), content(rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5),
                            bat == null ? null : ((Number) bat).intValue()));
                }
            }
        }
        List<Sample> fresh = new ArrayList<>(batch.size());
        long conflicting = 0;
        long firstConflict = -1;
        for (Sample s : batch) {
            String stored = held.get(s.seq());
            if (stored == null) {
                fresh.add(s);
            } else if (!stored.equals(content(s.t(), s.pitch(), s.roll(), PressureCodec.encode(s.p()), s.battery()))) {
                conflicting++;
                firstConflict = firstConflict < 0 ? s.seq() : firstConflict;
            }
        }
        if (conflicting > 0) {
            // same identity, other content: never silently replaced; the stored sample stays
            conflicts.addAndGet(conflicting);
            LOG.warn("Device {}: {} sample(s) with an identity already stored but other content (first position {}); "
                    + "kept the stored ones", device, conflicting, firstConflict);
        }
        if (fresh.isEmpty()) {
            return fresh;
        }
        insert(c, device, fresh);
        return fresh;
    }

    private static String content(long t, double pitch, double roll, String p, Integer bat) {
        return t + "|" + pitch + "|" + roll + "|" + p + "|" + bat;
    }

    /** Samples that arrived with an identity already stored but other content, since start. */
    public long conflicts() {
        return conflicts.get();
    }

    /**
     * Inserts rows {@link #ROWS_PER_INSERT} at a time: one multi-row INSERT (portable to H2 and
     * PostgreSQL) costs one statement execution and, on PostgreSQL, one round trip instead of one
     * per row.
     */
    private static void insert(Connection c, String device, List<Sample> rows) throws SQLException {
        if (rows.size() >= SampleCopy.MIN_ROWS && SampleCopy.supported(c)) {
            SampleCopy.copy(c, device, rows);
            return;
        }
        int full = rows.size() / ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(ROWS_PER_INSERT))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    bind(ps, device, rows, chunk * ROWS_PER_INSERT, ROWS_PER_INSERT);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        int rest = rows.size() - full * ROWS_PER_INSERT;
        if (rest > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(rest))) {
                bind(ps, device, rows, full * ROWS_PER_INSERT, rest);
                ps.executeUpdate();
            }
        }
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO samples (device_id, seq, t, pitch, roll, p, bat) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement ps, String device, List<Sample> rows, int from, int count)
            throws SQLException {
        int i = 1;
        for (int r = from; r < from + count; r++) {
            Sample s = rows.get(r);
            ps.setString(i++, device);
            ps.setLong(i++, s.seq());
            ps.setLong(i++, s.t());
            ps.setDouble(i++, s.pitch());
            ps.setDouble(i++, s.roll());
            ps.setString(i++, PressureCodec.encode(s.p()));
            if (s.battery() == null) {
                ps.setNull(i++, Types.INTEGER);
            } else {
                ps.setInt(i++, s.battery());
            }
        }
    }

    /** Samples of a device with {@code fromSeq <= seq <= toSeq}, in seq order. */
    public List<Sample> load(Connection c, String device, long fromSeq, long toSeq) throws SQLException {
        List<Sample> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, t, pitch, roll, p, bat FROM samples WHERE device_id = ? AND seq BETWEEN ? AND ? ORDER BY seq")) {
            ps.setString(1, device);
            ps.setLong(2, fromSeq);
            ps.setLong(3, toSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int bat = rs.getInt(6);
                    Integer battery = rs.wasNull() ? null : bat;
                    out.add(new Sample(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                            PressureCodec.decode(rs.getString(5)), battery));
                }
            }
        }
        return out;
    }

    /** Highest stored seq of a device, -1 when none. */
    public long highestSeq(Connection c, String device) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM samples WHERE device_id = ?")) {
            ps.setString(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? -1 : v;
            }
        }
    }

    /** Number of stored samples of a device. */
    public long count(Connection c, String device) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM samples WHERE device_id = ?")) {
            ps.setString(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Number of stored samples of a device with {@code fromSeq <= seq <= toSeq}. */
    public long count(Connection c, String device, long fromSeq, long toSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM samples WHERE device_id = ? AND seq BETWEEN ? AND ?")) {
            ps.setString(1, device);
            ps.setLong(2, fromSeq);
            ps.setLong(3, toSeq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Deletes raw samples older than {@code beforeT} (device time) that no open session needs.
     *
     * @return rows deleted
     */
    public int deleteOlderThan(Connection c, long beforeT) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM samples WHERE t < ? AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.device_id = "
                        + "samples.device_id AND s.to_seq IS NULL AND samples.seq >= s.from_seq)")) {
            ps.setLong(1, beforeT);
            return ps.executeUpdate();
        }
    }
}
