package dev.spinetrack.server.guided.run;

import dev.spinetrack.server.guided.plan.GuideProgress;
import dev.spinetrack.server.guided.plan.StepResult;
import dev.spinetrack.server.storage.Database;
import dev.spinetrack.server.storage.Rows;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Guided runs in the {@code guide_run} table (Flyway migration V40). Every write of a running
 * run names the instance that owns it, so an instance that lost a run to another one finds out
 * at its next write instead of overwriting the newer state.
 */
@Singleton
public class GuideRunStore {

    private static final Logger LOG = LoggerFactory.getLogger(GuideRunStore.class);
    private static final Argument<List<StepResult>> RESULTS = Argument.listOf(StepResult.class);
    private static final String COLUMNS = "id, user_id, device_id, program_id, session_id, started_at, ended_at, state,"
            + " end_reason, from_seq, coached_seq, device_t, progress_json, owner_id, lease_until, clock_skew_ms,"
            + " results_json";

    private final Database db;
    private final JsonMapper json;

    public GuideRunStore(Database db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Stores a new running run owned by {@code owner} and returns its id. */
    long insert(String user, String device, String programId, long session, long fromSeq, long startedAt,
                GuideProgress progress, String owner, long leaseUntil) {
        String body = write(progress);
        String results = writeResults(progress.results());
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO guide_run (user_id, device_id, program_id,"
                    + " session_id, started_at, state, results_json, from_seq, progress_json, owner_id, lease_until)"
                    + " VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, user);
                ps.setString(2, device);
                ps.setString(3, programId);
                ps.setLong(4, session);
                ps.setLong(5, startedAt);
                ps.setString(6, results);
                ps.setLong(7, fromSeq);
                ps.setString(8, body);
                ps.setString(9, owner);
                ps.setLong(10, leaseUntil);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /**
     * Saves a run's state as its owner sees it, extending the lease.
     *
     * @param state     RUNNING, FINISHED or INTERRUPTED
     * @param endReason null while running
     * @return false when {@code owner} no longer owns the run (nothing was written)
     */
    boolean save(long id, String owner, String state, String endReason, Long endedAt, GuideProgress progress,
                 Long coachedSeq, Long deviceT, Long clockSkewMs, long leaseUntil) {
        String body = write(progress);
        String results = writeResults(progress.results());
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE guide_run SET state = ?, end_reason = ?, ended_at = ?,"
                    + " progress_json = ?, results_json = ?, coached_seq = ?, device_t = ?, clock_skew_ms = ?,"
                    + " lease_until = ?, owner_id = ? WHERE id = ? AND owner_id = ? AND state = 'RUNNING'")) {
                ps.setString(1, state);
                ps.setString(2, endReason);
                Rows.setNullableLong(ps, 3, endedAt);
                ps.setString(4, body);
                ps.setString(5, results);
                Rows.setNullableLong(ps, 6, coachedSeq);
                Rows.setNullableLong(ps, 7, deviceT);
                Rows.setNullableLong(ps, 8, clockSkewMs);
                ps.setLong(9, "RUNNING".equals(state) ? leaseUntil : 0);
                ps.setString(10, "RUNNING".equals(state) ? owner : null);
                ps.setLong(11, id);
                ps.setString(12, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Ends a running run whoever owns it (a run that cannot resume, or whose owner is gone).
     *
     * @return whether it was running
     */
    boolean end(long id, String state, String endReason, long endedAt) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE guide_run SET state = ?, end_reason = ?, ended_at = ?,"
                    + " owner_id = NULL, lease_until = 0 WHERE id = ? AND state = 'RUNNING'")) {
                ps.setString(1, state);
                ps.setString(2, endReason);
                ps.setLong(3, endedAt);
                ps.setLong(4, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Takes a running run for {@code owner}: only when its lease ran out, or whatever its lease
     * when {@code force} (a request for it reached this instance).
     *
     * @return whether this instance owns it now
     */
    boolean claim(long id, String owner, long now, long leaseUntil, boolean force) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE guide_run SET owner_id = ?, lease_until = ?"
                    + " WHERE id = ? AND state = 'RUNNING'" + (force ? "" : " AND lease_until < ?"))) {
                ps.setString(1, owner);
                ps.setLong(2, leaseUntil);
                ps.setLong(3, id);
                if (!force) {
                    ps.setLong(4, now);
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Lets go of a run (this instance stops), so another one may take it at once. */
    void release(long id, String owner) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE guide_run SET owner_id = NULL, lease_until = 0"
                    + " WHERE id = ? AND owner_id = ?")) {
                ps.setLong(1, id);
                ps.setString(2, owner);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Ids of running runs whose lease ran out by {@code now}. */
    List<Long> unowned(long now) {
        return db.read(c -> {
            return Rows.list(c, "SELECT id FROM guide_run WHERE state = 'RUNNING' AND lease_until < ? ORDER BY id",
                    ps -> ps.setLong(1, now), rs -> rs.getLong(1));
        });
    }

    /** A run by id. */
    Optional<StoredRun> find(long id) {
        List<StoredRun> r = query("SELECT " + COLUMNS + " FROM guide_run WHERE id = ?", ps -> ps.setLong(1, id), 1);
        return r.stream().findFirst();
    }

    /** The run running on a device, if any. */
    Optional<StoredRun> runningOn(String device) {
        return query("SELECT " + COLUMNS + " FROM guide_run WHERE device_id = ? AND state = 'RUNNING' ORDER BY id DESC",
                ps -> ps.setString(1, device), 1).stream().findFirst();
    }

    /** The latest run of a device, if any. */
    Optional<StoredRun> latestOn(String device) {
        return query("SELECT " + COLUMNS + " FROM guide_run WHERE device_id = ? ORDER BY id DESC",
                ps -> ps.setString(1, device), 1).stream().findFirst();
    }

    /** A user's runs, newest first, optionally of one device. */
    List<StoredRun> runs(String user, String device, int limit) {
        return query("SELECT " + COLUMNS + " FROM guide_run WHERE user_id = ?" + (device == null ? "" : " AND device_id = ?")
                + " ORDER BY id DESC", ps -> {
                    ps.setString(1, user);
                    if (device != null) {
                        ps.setString(2, device);
                    }
                }, limit);
    }

    private List<StoredRun> query(String sql, Rows.Binder binder, int limit) {
        return db.read(c -> Rows.list(c, sql, ps -> {
            binder.bind(ps);
            ps.setMaxRows(limit);
        }, this::row));
    }

    private StoredRun row(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        GuideProgress progress = readProgress(id, rs.getString(13));
        List<StepResult> results = progress != null ? progress.results() : readResults(id, rs.getString(17));
        return new StoredRun(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                Rows.nullableLong(rs, 7), rs.getString(8), rs.getString(9), Rows.nullableLong(rs, 10),
                Rows.nullableLong(rs, 11), Rows.nullableLong(rs, 12), progress, rs.getString(14), rs.getLong(15),
                Rows.nullableLong(rs, 16), results);
    }

    private String write(GuideProgress progress) {
        try {
            return json.writeValueAsString(progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write guided-session progress", e);
        }
    }

    private String writeResults(List<StepResult> results) {
        try {
            return json.writeValueAsString(RESULTS, results);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write step results", e);
        }
    }

    private GuideProgress readProgress(long id, String body) {
        if (body == null) {
            return null;
        }
        try {
            return json.readValue(body, GuideProgress.class);
        } catch (IOException e) {
            LOG.warn("Guided session {}: stored progress is unreadable: {}", id, why(e));
            return null;
        }
    }

    private List<StepResult> readResults(long id, String body) {
        try {
            return json.readValue(body, RESULTS);
        } catch (IOException e) {
            LOG.warn("Guided session {}: stored step results are unreadable: {}", id, why(e));
            return List.of();
        }
    }

    /** The exception's message with its root cause's, which names the field at fault. */
    private static String why(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }
}
