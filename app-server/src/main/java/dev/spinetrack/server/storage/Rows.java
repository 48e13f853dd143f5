package dev.spinetrack.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC plumbing every store repeats: run a query with its parameters bound and map each row,
 * read a nullable number, bind one. Stores keep their SQL and their own row mapping; this keeps
 * the statement and result-set handling (and its closing) in one place.
 */
public final class Rows {

    private Rows() {
    }

    /** Binds a statement's parameters (and limits, e.g. {@code setMaxRows}). */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Every row a query returns, mapped, in the query's order. */
    public static <T> List<T> list(Connection c, String sql, Binder binder, Mapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        }
    }

    /** The first row a query returns, mapped, or empty when it returns none. */
    public static <T> Optional<T> first(Connection c, String sql, Binder binder, Mapper<T> mapper)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    /** Most keys bound into one {@link #listIn} statement. */
    static final int IN_CHUNK = 128;

    /**
     * Every row a query with an {@code IN} list of keys returns, mapped: the query runs once per
     * {@link #IN_CHUNK} keys, in the keys' order, its {@code %s} replaced by the list, which is
     * padded to a power of two by repeating the last key so that few distinct statements arise.
     */
    public static <T> List<T> listIn(Connection c, String sql, List<String> keys, Mapper<T> mapper)
            throws SQLException {
        List<T> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += IN_CHUNK) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
            int size = Integer.bitCount(part.size()) == 1 ? part.size() : Integer.highestOneBit(part.size()) << 1;
            String marks = String.join(", ", java.util.Collections.nCopies(size, "?"));
            out.addAll(list(c, String.format(sql, marks), ps -> {
                for (int i = 0; i < size; i++) {
                    ps.setString(i + 1, part.get(Math.min(i, part.size() - 1)));
                }
            }, mapper));
        }
        return out;
    }

    /** A BIGINT column that may be NULL. */
    public static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** An INTEGER column that may be NULL. */
    public static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** Binds a BIGINT parameter that may be null. */
    public static void setNullableLong(PreparedStatement ps, int index, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, v);
        }
    }
}
