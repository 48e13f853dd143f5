package dev.spinetrack.server.storage;

import dev.spinetrack.protocol.mqtt.Sample;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On PostgreSQL, samples stored with COPY read back bit for bit, and duplicates are still dropped. */
@EnabledIfSystemProperty(named = "spinetrack.it.jdbc", matches = ".+")
class SampleCopyIT {

    @Test
    void copiedSamplesReadBackExactly() throws Exception {
        String pg = System.getProperty("spinetrack.it.jdbc");
        String schema = "it_copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway.configure().dataSource(pg, null, null).schemas(schema).createSchemas(true).load().migrate();
        try (Connection c = DriverManager.getConnection(pg)) {
            try {
                c.setSchema(schema);
                c.setAutoCommit(false);
                List<Sample> samples = new ArrayList<>();
                double[] awkward = {0.0, -0.0, 1e-300, 123.456789012345678, Double.MIN_VALUE, 0.1 + 0.2, 1.0 / 3};
                for (int i = 0; i < 120; i++) {
                    double[] p = new double[32];
                    for (int k = 0; k < p.length; k++) {
                        p[k] = awkward[(i + k) % awkward.length] * (k + 1);
                    }
                    samples.add(new Sample(1000 + i, 1_700_000_000_000L + 10L * i, -89.99 + i * 1.5e-3,
                            179.999999 - i / 7.0, p, i % 3 == 0 ? null : i % 101));
                }
                SampleStore store = new SampleStore();
                assertTrue(samples.size() >= SampleCopy.MIN_ROWS, "enough rows to take the COPY path");
                assertEquals(120, store.insertNew(c, "cafe00000001", samples).size());
                c.commit();
                List<Sample> back = store.load(c, "cafe00000001", 0, Long.MAX_VALUE);
                assertEquals(samples.size(), back.size());
                for (int i = 0; i < samples.size(); i++) {
                    Sample a = samples.get(i);
                    Sample b = back.get(i);
                    assertEquals(a.seq(), b.seq());
                    assertEquals(a.t(), b.t());
                    assertEquals(Double.doubleToRawLongBits(a.pitch()), Double.doubleToRawLongBits(b.pitch()), "pitch " + i);
                    assertEquals(Double.doubleToRawLongBits(a.roll()), Double.doubleToRawLongBits(b.roll()), "roll " + i);
                    assertArrayEquals(a.p(), b.p(), "pressures " + i);
                    assertEquals(a.battery(), b.battery(), "battery " + i);
                }
                // a redelivered batch overlapping the stored one: only the new samples go in
                List<Sample> overlap = new ArrayList<>(samples.subList(60, 120));
                for (int i = 120; i < 180; i++) {
                    overlap.add(new Sample(1000 + i, 1_700_000_000_000L + 10L * i, 1, 2, samples.get(0).p(), null));
                }
                assertEquals(60, store.insertNew(c, "cafe00000001", overlap).size());
                c.commit();
                assertEquals(180, store.count(c, "cafe00000001"));
                assertEquals(Arrays.toString(samples.get(0).p()), Arrays.toString(store.load(c, "cafe00000001",
                        1000, 1000).get(0).p()));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }
}
