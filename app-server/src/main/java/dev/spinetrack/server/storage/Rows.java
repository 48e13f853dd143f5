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
