package dev.spinetrack.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The raw sample blocks that retention may delete: per device, the oldest ones, found by walking
 * the primary key (device, last seq) from its start. Used in a transaction of its own, outside
 * {@link SampleStore#batching} (whose held inserts it would not see).
 */
public final class OldSampleBlocks {

    private OldSampleBlocks() {
    }

    /** Runs work in a transaction of its own, committed when it returns ({@link Database#write}). */
    public interface Transactions {
        /** Runs the work and commits. */
        <R> R write(Database.Work<R> work);
    }

    /** Told after each device's blocks: how many devices are done, of how many, and the samples so far. */
    @FunctionalInterface
    public interface Progress {
        /** After one more device. */
        void after(int devicesDone, int devices, long samples);
    }

    /**
     * Deletes every device's blocks that {@link #deleteOldest} finds due, at most
     * {@code chunkBlocks} per transaction, so that ingest never waits long behind one.
     *
     * @return samples deleted
     */
    public static long purge(Transactions tx, long beforeT, int chunkBlocks, Progress progress) {
        List<String> devices = tx.write(OldSampleBlocks::devices);
        long samples = 0;
        for (int i = 0; i < devices.size(); i++) {
            String device = devices.get(i);
            Purged p;
            do {
                p = tx.write(c -> deleteOldest(c, device, beforeT, chunkBlocks));
                samples += p.samples();
            } while (p.more());
            progress.after(i + 1, devices.size(), samples);
        }
        return samples;
    }

    /** The devices that may have raw samples (every device with a row), in id order. */
    public static List<String> devices(Connection c) throws SQLException {
        return Rows.list(c, "SELECT id FROM devices ORDER BY id", ps -> { }, rs -> rs.getString(1));
    }

    /**
     * Deletes a device's oldest blocks that are older than {@code beforeT} (device time: a block
     * goes once its newest sample is older) and that no open session needs, at most
     * {@code maxBlocks} of them, walking the primary key from the device's first block and
     * stopping at the first block that must stay. So the work is the blocks deleted plus one, never
     * the whole table: a scan of every block (what this was) held a core and the database's page
     * cache for as long as the table is big, and ingest waited behind it. A block older than one
     * before it (device clocks that went back) goes in a later sweep, once those before it have
     * aged too.
     *
     * @return what was deleted, and whether more may be due
     */
    public static Purged deleteOldest(Connection c, String device, long beforeT, int maxBlocks) throws SQLException {
        // MIN over no open session is one row holding NULL: nothing to keep
        long keepFrom = Rows.first(c, "SELECT MIN(from_seq) FROM sessions WHERE device_id = ? AND to_seq IS NULL",
                ps -> ps.setString(1, device), rs -> {
                    Long from = Rows.nullableLong(rs, 1);
                    return from == null ? Long.MAX_VALUE : from;
                }).orElse(Long.MAX_VALUE);
        long through = -1;
        long samples = 0;
        int blocks = 0;
        boolean stopped = false;
        // ordered like the primary key (device_id, last_seq), so both databases read it in index order
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_t, n FROM sample_blocks "
                + "WHERE device_id = ? ORDER BY device_id, last_seq FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, device);
            ps.setInt(2, maxBlocks);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) >= beforeT || rs.getLong(1) >= keepFrom) {
                        stopped = true;
                        break;
                    }
                    through = rs.getLong(1);
                    samples += rs.getInt(3);
                    blocks++;
                }
            }
        }
        if (blocks > 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM sample_blocks WHERE device_id = ? AND last_seq <= ?")) {
                ps.setString(1, device);
                ps.setLong(2, through);
                ps.executeUpdate();
            }
        }
        return new Purged(samples, blocks, !stopped && blocks == maxBlocks);
    }

    /** What one {@link #deleteOldest} deleted, and whether the device may have more blocks due. */
    public record Purged(long samples, int blocks, boolean more) {
    }
}
