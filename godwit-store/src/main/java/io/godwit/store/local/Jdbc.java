package io.godwit.store.local;

import io.godwit.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;

/** The JDBC chores the store repeats: binding, one-value queries, placeholders, error wording. */
public final class Jdbc {
    private Jdbc() {
    }

    /** Work on one connection inside a transaction the caller manages. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, java.util.Arrays.asList(params));
            return ps.executeUpdate();
        }
    }

    /** The first column of the first row as a long, or {@code absent} when there is no row or it is NULL. */
    public static long longValue(Connection c, long absent, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, java.util.Arrays.asList(params));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return absent;
                }
                long v = rs.getLong(1);
                return rs.wasNull() ? absent : v;
            }
        }
    }

    /** The first column of the first row as a string, or null. */
    public static String stringValue(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, java.util.Arrays.asList(params));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** {@code ?, ?, ?} for n values. */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** A failure of the database itself (not of the caller's input), worded for the caller. */
    public static StoreException failure(String action, String store, SQLException e) {
        return new StoreException(StoreException.Kind.INTERNAL, "Could not " + action + " in the store at " + store
                + ": the database answered: " + e.getMessage(), e);
    }
}
