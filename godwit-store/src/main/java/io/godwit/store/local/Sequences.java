package io.godwit.store.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reserves the next values of an autoincrement key ({@code embeddings_queue.seq_id},
 * {@code embeddings.id}) inside the write transaction, so a batch inserts them explicitly with JDBC
 * batching and knows them without reading anything back. Safe because writes are serialised; values
 * never go back, even when rows are purged (SQLite's {@code sqlite_sequence}, a PostgreSQL sequence).
 */
final class Sequences {
    private Sequences() {
    }

    static long[] reserve(Connection c, boolean postgres, String table, String column, int n) throws SQLException {
        long[] values = new long[n];
        if (n == 0) {
            return values;
        }
        if (postgres) {
            try (PreparedStatement ps = c.prepareStatement("SELECT nextval(pg_get_serial_sequence(?, ?))"
                    + " FROM generate_series(1, ?)")) {
                ps.setString(1, table);
                ps.setString(2, column);
                ps.setInt(3, n);
                try (ResultSet rs = ps.executeQuery()) {
                    for (int i = 0; i < n && rs.next(); i++) {
                        values[i] = rs.getLong(1);
                    }
                }
            }
            return values;
        }
        long used = Math.max(Jdbc.longValue(c, 0, "SELECT seq FROM sqlite_sequence WHERE name = ?", table),
                Jdbc.longValue(c, 0, "SELECT max(" + column + ") FROM " + table));
        for (int i = 0; i < n; i++) {
            values[i] = used + 1 + i;
        }
        return values;
    }
}
