package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.mqtt.Sample;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw samples with the identity (device, seq), stored as blocks: one row per device and run
 * of seqs ({@link SampleBlock}), so storing a batch costs one row, one index entry and one undo
 * entry instead of one per sample. Inserting drops samples already held, which is what makes
 * redelivered batches harmless, across restarts too.
 */
@Singleton
public class SampleStore {

    private static final Logger LOG = LoggerFactory.getLogger(SampleStore.class);
    /**
     * Blocks that may hold seqs in [from, to]: their last seq lies in [from, to + SPAN), a range of
     * the primary key (device, last seq), and their first is at most to.
     */
    private static final String OVERLAPPING = " FROM sample_blocks WHERE device_id = ? AND last_seq >= ? "
            + "AND last_seq < ? AND first_seq <= ?";

    private final AtomicLong conflicts = new AtomicLong();
    /** Connections inside {@link #batching}: their inserts wait there until flushed. */
    private final Map<Connection, StagedBlocks> staged = new ConcurrentHashMap<>();

    /**
     * Runs work whose inserts on {@code c} are held back and sent together when it returns: a
     * device's samples of the whole work become as few blocks as {@link SampleBlock#cut} allows,
     * and all blocks go in one JDBC batch (one round trip on PostgreSQL) instead of a statement
     * per {@link #insertNew}. Every read of this store on {@code c} sends what is held first, so
     * the work reads what it stored. When the work throws, what it held is dropped: the caller's
     * transaction rolls back anyway.
     */
    public <R> R batching(Connection c, Database.Work<R> work) throws SQLException {
        StagedBlocks mine = new StagedBlocks();
        if (staged.putIfAbsent(c, mine) != null) {
            return work.run(c); // already batching on this connection: the outer call sends
        }
        try {
            R result = work.run(c);
            flush(c);
            return result;
        } finally {
            staged.remove(c, mine);
        }
    }

    /** Sends the inserts held for {@code c}, if any. */
    private void flush(Connection c) throws SQLException {
        StagedBlocks held = staged.get(c);
        if (held != null && !held.isEmpty()) {
            write(c, held.drain());
        }
    }

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
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Sample s : batch) {
            min = Math.min(min, s.seq());
            max = Math.max(max, s.seq());
        }
        if (storedHigh != Long.MAX_VALUE && min > storedHigh) {
            List<Sample> fresh = new ArrayList<>(batch);
            insert(c, device, fresh);
            return fresh;
        }
        Map<Long, Sample> held = new HashMap<>();
        for (Sample s : load(c, device, min, max)) {
            held.put(s.seq(), s);
        }
        List<Sample> fresh = new ArrayList<>(batch.size());
        long conflicting = 0;
        long firstConflict = -1;
        for (Sample s : batch) {
            Sample stored = held.get(s.seq());
            if (stored == null) {
                fresh.add(s);
            } else if (!SampleBlock.sameContent(stored, s)) {
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
        if (!fresh.isEmpty()) {
            insert(c, device, fresh);
        }
        return fresh;
    }

    /** Samples that arrived with an identity already stored but other content, since start. */
    public long conflicts() {
        return conflicts.get();
    }

    private void insert(Connection c, String device, List<Sample> rows) throws SQLException {
        StagedBlocks held = staged.get(c);
        if (held != null) {
            held.add(device, rows);
        } else {
            write(c, Map.of(device, rows));
        }
    }

    /** Inserts each device's samples (new ones, in any order) as blocks, in one JDBC batch. */
    private static void write(Connection c, Map<String, List<Sample>> byDevice) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sample_blocks (device_id, first_seq, last_seq, last_t, n, packed) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, List<Sample>> d : byDevice.entrySet()) {
                List<Sample> sorted = new ArrayList<>(d.getValue());
                sorted.sort(Comparator.comparingLong(Sample::seq));
                for (List<Sample> block : SampleBlock.cut(sorted)) {
                    long lastT = Long.MIN_VALUE;
                    for (Sample s : block) {
                        lastT = Math.max(lastT, s.t());
                    }
                    ps.setString(1, d.getKey());
                    ps.setLong(2, block.get(0).seq());
                    ps.setLong(3, block.get(block.size() - 1).seq());
                    ps.setLong(4, lastT);
                    ps.setInt(5, block.size());
                    ps.setBytes(6, PackedBlock.encode(block));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Samples of a device with {@code fromSeq <= seq <= toSeq}, in seq order. */
    public List<Sample> load(Connection c, String device, long fromSeq, long toSeq) throws SQLException {
        flush(c);
        List<Sample> out = new ArrayList<>();
        boolean sorted = true;
        try (PreparedStatement ps = c.prepareStatement("SELECT data, packed" + OVERLAPPING + " ORDER BY last_seq")) {
            bindRange(ps, device, fromSeq, toSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (Sample s : PackedBlock.decode(rs.getString(1), rs.getBytes(2))) {
                        if (s.seq() >= fromSeq && s.seq() <= toSeq) {
                            sorted &= out.isEmpty() || out.get(out.size() - 1).seq() < s.seq();
                            out.add(s);
                        }
                    }
                }
            }
        }
        if (!sorted) {
            out.sort(Comparator.comparingLong(Sample::seq)); // blocks whose seq ranges interleave
        }
        return out;
    }

    private static void bindRange(PreparedStatement ps, String device, long fromSeq, long toSeq) throws SQLException {
        ps.setString(1, device);
        ps.setLong(2, fromSeq);
        ps.setLong(3, toSeq < Long.MAX_VALUE - SampleBlock.SPAN ? toSeq + SampleBlock.SPAN : Long.MAX_VALUE);
        ps.setLong(4, toSeq);
    }

    /** Highest stored seq of a device, -1 when none. */
    public long highestSeq(Connection c, String device) throws SQLException {
        flush(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(last_seq) FROM sample_blocks WHERE device_id = ?")) {
            ps.setString(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? -1 : v;
            }
        }
    }

    /**
     * Highest stored seq of each of several devices (those with a row in {@code devices}), -1 when
     * none, in one statement for up to {@link Rows#IN_CHUNK} devices, each an index lookup.
     */
    public Map<String, Long> highestSeqs(Connection c, List<String> devices) throws SQLException {
        flush(c);
        Map<String, Long> out = new HashMap<>();
        for (Map.Entry<String, Long> e : Rows.listIn(c, "SELECT d.id, (SELECT MAX(b.last_seq) FROM sample_blocks b "
                + "WHERE b.device_id = d.id) FROM devices d WHERE d.id IN (%s)", devices,
                rs -> Map.entry(rs.getString(1), Rows.nullableLong(rs, 2) == null ? -1L : rs.getLong(2)))) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Number of stored samples of a device. */
    public long count(Connection c, String device) throws SQLException {
        flush(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT SUM(n) FROM sample_blocks WHERE device_id = ?")) {
            ps.setString(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Number of stored samples of a device with {@code fromSeq <= seq <= toSeq}. */
    public long count(Connection c, String device, long fromSeq, long toSeq) throws SQLException {
        flush(c);
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT first_seq, last_seq, n, data, packed" + OVERLAPPING)) {
            bindRange(ps, device, fromSeq, toSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(1) >= fromSeq && rs.getLong(2) <= toSeq) {
                        n += rs.getInt(3); // wholly inside: no need to read the block
                        continue;
                    }
                    for (long seq : PackedBlock.seqs(rs.getString(4), rs.getBytes(5))) {
                        if (seq >= fromSeq && seq <= toSeq) {
                            n++;
                        }
                    }
                }
            }
        }
        return n;
    }
}
