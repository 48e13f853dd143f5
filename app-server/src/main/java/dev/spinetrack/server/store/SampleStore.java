package dev.spinetrack.server.store;

import dev.spinetrack.protocol.mqtt.Sample;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Raw samples keyed by (device, seq). Inserting drops samples already held, which is what
 * makes redelivered batches harmless, across restarts too.
 */
@Singleton
public class SampleStore {

    /**
     * Stores the samples of a batch not held yet, within the caller's transaction.
     *
     * @return the samples that were new, in the batch's order
     */
    public List<Sample> insertNew(Connection c, String device, List<Sample> batch) throws SQLException {
        long min = batch.get(0).seq();
        long max = batch.get(batch.size() - 1).seq();
        Set<Long> held = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq FROM samples WHERE device_id = ? AND seq BETWEEN ? AND ?")) {
            ps.setString(1, device);
            ps.setLong(2, Math.min(min, max));
            ps.setLong(3, Math.max(min, max));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getLong(1));
                }
            }
        }
        List<Sample> fresh = new ArrayList<>(batch.size());
        for (Sample s : batch) {
            if (!held.contains(s.seq())) {
                fresh.add(s);
            }
        }
        if (fresh.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO samples (device_id, seq, t, pitch, roll, p, bat) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Sample s : fresh) {
                ps.setString(1, device);
                ps.setLong(2, s.seq());
                ps.setLong(3, s.t());
                ps.setDouble(4, s.pitch());
                ps.setDouble(5, s.roll());
                ps.setString(6, PressureCodec.encode(s.p()));
                if (s.battery() == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, s.battery());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return fresh;
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
