package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.mqtt.Sample;
import dev.spinetrack.server.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Raw samples stored as blocks, on the real schema of the database the ITs run on (H2, or
 * PostgreSQL with {@code spinetrack.it.jdbc}): what goes in comes out sample for sample, repeats
 * and conflicts are dropped, ranges cut across blocks, retention goes by block, and the migration
 * turns rows of the old one-row-per-sample table into blocks that read back exactly.
 */
class SampleStoreIT {

    private static final String DEVICE = "fe00000000aa";
    private TestDatabase db;
    private Connection c;
    private final SampleStore store = new SampleStore();

    @BeforeEach
    void open() throws SQLException {
        db = TestDatabase.create();
        Map<String, Object> p = db.properties();
        c = DriverManager.getConnection((String) p.get("datasources.default.url"),
                (String) p.getOrDefault("datasources.default.username", "sa"),
                (String) p.getOrDefault("datasources.default.password", ""));
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        db.close();
    }

    private FluentConfiguration flyway() {
        Map<String, Object> p = db.properties();
        FluentConfiguration f = Flyway.configure().dataSource((String) p.get("datasources.default.url"),
                (String) p.getOrDefault("datasources.default.username", "sa"),
                (String) p.getOrDefault("datasources.default.password", ""))
                .locations("classpath:db/migration", "classpath:dev/spinetrack/server/storage/migration");
        Object schema = p.get("flyway.datasources.default.default-schema");
        return schema == null ? f : f.schemas((String) schema).defaultSchema((String) schema);
    }

    @Test
    void whatGoesInComesOutAndRepeatsAreDropped() throws SQLException {
        flyway().load().migrate();
        List<Sample> first = samples(0, 40);
        assertEquals(40, store.insertNew(c, DEVICE, first).size());
        // a late batch fills a hole inside the stored range: its block interleaves with others
        List<Sample> second = new ArrayList<>(samples(40, 60));
        second.remove(5);
        assertEquals(19, store.insertNew(c, DEVICE, second, 39).size());
        assertEquals(List.of(45L), seqs(store.insertNew(c, DEVICE, samples(44, 47))), "only the hole is new");
        assertEquals(0, store.insertNew(c, DEVICE, samples(10, 20)).size(), "a repeat stores nothing");
        Sample other = new Sample(12, 999, 1, 2, new double[]{9}, null);
        assertEquals(0, store.insertNew(c, DEVICE, List.of(other)).size(), "other content, same identity");
        assertEquals(1, store.conflicts());
        assertSame(samples(0, 60), store.load(c, DEVICE, 0, 59));
        assertSame(samples(30, 50), store.load(c, DEVICE, 30, 49));
        assertEquals(60, store.count(c, DEVICE));
        assertEquals(11, store.count(c, DEVICE, 40, 50));
        assertEquals(59, store.highestSeq(c, DEVICE));
        assertEquals(-1, store.highestSeq(c, "fe00000000bb"));
    }

    @Test
    void largeBatchesAreCutIntoBlocksThatReadBackWhole() throws SQLException {
        flyway().load().migrate();
        List<Sample> big = samples(0, SampleBlock.MAX_SAMPLES * 2 + 7);
        // a reboot's positions jump far beyond one block's span
        big.add(new Sample((1L << 40) + 3, 500_000, 0.5, -0.25, new double[]{1, 2}, 80));
        store.insertNew(c, DEVICE, big);
        assertEquals(4, rows("SELECT COUNT(*) FROM sample_blocks WHERE device_id = '" + DEVICE + "'"));
        assertSame(big, store.load(c, DEVICE, 0, Long.MAX_VALUE - 1));
        assertSame(List.of(big.get(big.size() - 1)), store.load(c, DEVICE, 1L << 40, (1L << 40) + 10));
    }

    @Test
    void batchedInsertsGoAsFewBlocksAndReadsWithinTheWorkSeeThem() throws SQLException {
        flyway().load().migrate();
        String other = "fe00000000bb";
        DeviceStore devices = new DeviceStore();
        devices.ensure(c, DEVICE, "gw", "u", 0);
        devices.ensure(c, other, "gw", "u", 0);
        devices.ensure(c, "fe00000000cc", "gw", "u", 0);
        int stored = store.batching(c, x -> {
            int n = 0;
            for (int from = 0; from < 100; from += 10) {
                n += store.insertNew(x, DEVICE, samples(from, from + 10), from - 1).size();
            }
            assertEquals(0, rows("SELECT COUNT(*) FROM sample_blocks"), "held back until the work ends or reads");
            // a repeat within the work is found though nothing was sent: the probe sends what is held
            assertEquals(0, store.insertNew(x, DEVICE, samples(20, 30)).size(), "a repeat stores nothing");
            n += store.insertNew(x, other, samples(0, 5), -1).size();
            n += store.insertNew(x, other, samples(5, 8), 4).size();
            return n;
        });
        assertEquals(108, stored);
        assertEquals(1, rows("SELECT COUNT(*) FROM sample_blocks WHERE device_id = '" + DEVICE + "'"),
                "ten batches of a device, one block");
        assertEquals(1, rows("SELECT COUNT(*) FROM sample_blocks WHERE device_id = '" + other + "'"));
        assertSame(samples(0, 100), store.load(c, DEVICE, 0, 99));
        assertSame(samples(0, 8), store.load(c, other, 0, 99));
        assertEquals(Map.of(DEVICE, 99L, other, 7L, "fe00000000cc", -1L),
                store.highestSeqs(c, List.of(DEVICE, other, "fe00000000cc", "fe00000000dd")),
                "each device's highest position, -1 for none; an unknown device is left out");

        SQLException boom = new SQLException("boom");
        SQLException thrown = assertThrows(SQLException.class, () -> store.batching(c, x -> {
            store.insertNew(x, DEVICE, samples(100, 110), 99);
            throw boom;
        }));
        assertEquals(boom, thrown);
        assertEquals(100, store.count(c, DEVICE), "what failed work held is never sent");
        store.insertNew(c, DEVICE, samples(100, 102), 99);
        assertEquals(102, store.count(c, DEVICE), "outside the work, inserts go at once again");
    }

    @Test
    void retentionDeletesWholeBlocksNoOpenSessionNeeds() throws SQLException {
        flyway().load().migrate();
        device(DEVICE);
        store.insertNew(c, DEVICE, samples(0, 10)); // t 0..900
        store.insertNew(c, DEVICE, samples(10, 20)); // t 1000..1900
        assertEquals(new OldSampleBlocks.Purged(10, 1, false), OldSampleBlocks.deleteOldest(c, DEVICE, 1500, 100),
                "the older block only; the straddling one stays");
        assertEquals(10, store.count(c, DEVICE));
        openSession(DEVICE, 15);
        assertEquals(new OldSampleBlocks.Purged(0, 0, false), OldSampleBlocks.deleteOldest(c, DEVICE, 5000, 100),
                "an open session still needs the block");
    }

    @Test
    void retentionWalksEachDeviceFromItsOldestBlockInShortTransactions() throws SQLException {
        flyway().load().migrate();
        String a = "fe00000000a1";
        String b = "fe00000000b1";
        String cc = "fe00000000c1";
        for (String d : List.of(cc, b, a)) {
            device(d);
        }
        for (int i = 0; i < 50; i += 2) {
            store.insertNew(c, a, samples(i, i + 2)); // 25 blocks, t = 100 x seq
        }
        store.insertNew(c, b, List.of(at(0, 0), at(1, 100)));
        store.insertNew(c, b, List.of(at(2, 9000), at(3, 9100))); // the device's clock jumped ahead...
        store.insertNew(c, b, List.of(at(4, 200), at(5, 300))); // ...and back
        store.insertNew(c, cc, samples(0, 4));
        store.insertNew(c, cc, samples(4, 8));
        store.insertNew(c, cc, samples(8, 10));
        openSession(cc, 6);

        List<String> transactions = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        long deleted = OldSampleBlocks.purge(counting(transactions), 3000, 4,
                (done, all, soFar) -> progress.add(done + "/" + all + ":" + soFar));

        assertEquals(30 + 2 + 4, deleted, "a: seqs 0-29 (t < 3000); b: its first block; c: the block before the session");
        assertEquals(1 + 4 + 1 + 1, transactions.size(),
                "the device list, then a's 15 due blocks in four transactions of at most 4, then b and c");
        assertEquals(List.of("1/3:30", "2/3:32", "3/3:36"), progress, "devices in id order, a running total");
        assertEquals(seqs(samples(30, 50)), seqs(store.load(c, a, 0, 100)));
        assertEquals(List.of(2L, 3L, 4L, 5L), seqs(store.load(c, b, 0, 100)),
                "an older block behind a newer one waits until that one is due too");
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), seqs(store.load(c, cc, 0, 100)));

        assertEquals(20 + 4, OldSampleBlocks.purge(counting(new ArrayList<>()), 9101, 4, (x, y, z) -> { }),
                "the rest of a, and b's two blocks once the newer one is due as well");
        assertEquals(0, store.count(c, b));
        assertEquals(0, store.count(c, a));
        assertEquals(6, store.count(c, cc), "the open session's blocks stay whatever their age");
    }

    /** Transactions on the test's auto-commit connection, noting each. */
    private OldSampleBlocks.Transactions counting(List<String> log) {
        return new OldSampleBlocks.Transactions() {
            @Override
            public <R> R write(Database.Work<R> work) {
                log.add("tx");
                try {
                    return work.run(c);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private void device(String id) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO devices (id, gateway, owner_id, created_at) VALUES ('" + id + "', 'gw', 'u', 0)");
        }
    }

    private void openSession(String device, long fromSeq) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO sessions (device_id, user_id, auto_started, from_seq, started_at, band_low, "
                    + "band_high) VALUES ('" + device + "', 'u', TRUE, " + fromSeq + ", 0, 1, 2)");
        }
    }

    private static Sample at(long seq, long t) {
        return new Sample(seq, t, 0, 0, new double[]{1}, null);
    }

    @Test
    void theMigrationTurnsOldRowsIntoBlocksThatReadBackExactly() throws SQLException {
        flyway().target("40").load().migrate();
        List<Sample> old = List.of(
                new Sample(0, 1_700_000_000_000L, 0.1, -12.75, new double[]{0, 1.5, 1e-5}, null),
                new Sample(1, 1_700_000_000_010L, 1.0 / 3, 179.999999999999, new double[]{Double.MIN_VALUE, 123456.789}, 97),
                new Sample(2, 1_700_000_000_020L, -89.99999999999999, 5e-324, new double[]{7}, 0));
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO samples (device_id, seq, t, pitch, roll, p, bat) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Sample s : old) {
                ps.setString(1, DEVICE);
                ps.setLong(2, s.seq());
                ps.setLong(3, s.t());
                ps.setDouble(4, s.pitch());
                ps.setDouble(5, s.roll());
                ps.setString(6, PressureCodec.encode(s.p()));
                if (s.battery() == null) {
                    ps.setNull(7, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(7, s.battery());
                }
                ps.executeUpdate();
            }
            // a row from before the Base64 form: decimal pressures
            ps.setString(1, DEVICE);
            ps.setLong(2, 3);
            ps.setLong(3, 1_700_000_000_030L);
            ps.setDouble(4, 0.25);
            ps.setDouble(5, 0.5);
            ps.setString(6, "1.25,2.5");
            ps.setNull(7, java.sql.Types.INTEGER);
            ps.executeUpdate();
        }
        flyway().load().migrate();
        List<Sample> back = store.load(c, DEVICE, 0, 3);
        assertSame(old, back.subList(0, 3));
        assertArrayEquals(new double[]{1.25, 2.5}, back.get(3).p());
        assertNull(back.get(3).battery());
        assertEquals(4, store.count(c, DEVICE, 0, 10));
        assertEquals(3, store.highestSeq(c, DEVICE));
        assertTrue(store.insertNew(c, DEVICE, samples(3, 5)).size() == 1, "seq 3 is held after the migration");
        // the new sample is packed (migration 52), the old ones stay text: both read together
        assertEquals(1, rows("SELECT COUNT(*) FROM sample_blocks WHERE packed IS NOT NULL AND data IS NULL"));
        List<Sample> mixed = store.load(c, DEVICE, 0, 10);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seqs(mixed));
        assertSame(samples(4, 5), mixed.subList(4, 5));
        assertSame(old, mixed.subList(0, 3));
        assertEquals(5, store.count(c, DEVICE, 0, 10));
        assertEquals(5, store.insertNew(c, DEVICE, samples(5, 10)).size());
        assertEquals(2, store.count(c, DEVICE, 6, 7), "a packed block's seqs, read without its samples");
    }

    private static List<Sample> samples(int from, int to) {
        List<Sample> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new Sample(i, i * 100L, (i % 170) * 0.5 - 40, -(i % 500) / 3.0, new double[]{i, i + 0.25, 1.0 / (i + 1)},
                    i % 3 == 0 ? null : 50 + i % 7));
        }
        return out;
    }

    private static List<Long> seqs(List<Sample> s) {
        return s.stream().map(Sample::seq).toList();
    }

    private long rows(String sql) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertSame(List<Sample> expected, List<Sample> actual) {
        assertEquals(seqs(expected), seqs(actual), "seqs");
        for (int i = 0; i < expected.size(); i++) {
            Sample e = expected.get(i);
            Sample a = actual.get(i);
            assertTrue(SampleBlock.sameContent(e, a), "sample " + e.seq() + ": expected " + describe(e) + ", got "
                    + describe(a));
        }
    }

    private static String describe(Sample s) {
        return s.t() + " " + s.pitch() + " " + s.roll() + " " + Arrays.toString(s.p()) + " " + s.battery();
    }
}
