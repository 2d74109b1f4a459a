package io.godwit.store.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads records' metadata back from the metadata segment: scalars from {@code embedding_metadata},
 * arrays from {@code embedding_metadata_array} (elements in {@code ord} order), keys in key order.
 * A record without metadata has no entry (it reads back null, as Chroma's). On SQLite the four typed
 * columns come folded into one ({@link TypedColumns#SQLITE_FOLDED}): fewer native calls per row.
 */
final class MetadataLoad {
    /** Rows per statement: well inside both databases' limits on bind values. */
    static final int CHUNK = 1000;
    private static final String COLUMNS = "SELECT id, key, string_value, int_value, float_value, bool_value FROM ";
    private static final String SQLITE_COLUMNS = "SELECT id, key, " + TypedColumns.SQLITE_FOLDED + " FROM ";

    private MetadataLoad() {
    }

    /** The metadata of {@code rows} ({@code embeddings.id}), by row; {@code pg}: the store is PostgreSQL. */
    static Map<Long, Map<String, Object>> of(Connection c, boolean pg, List<Long> rows) throws SQLException {
        Map<Long, Map<String, Object>> out = new HashMap<>(rows.size() * 2);
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Long> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            scalars(c, pg, sql(pg, false, chunk.size()), chunk, out);
            arrays(c, pg, sql(pg, true, chunk.size()), chunk, out);
        }
        return out;
    }

    /** The statement reading the scalar (or {@code arrays}) metadata of {@code n} rows, grouped by row. */
    static String sql(boolean pg, boolean arrays, int n) {
        return (pg ? COLUMNS : SQLITE_COLUMNS) + (arrays ? "embedding_metadata_array" : "embedding_metadata")
                + " WHERE id " + InList.sql(pg, n) + (arrays ? " ORDER BY id, key, ord" : " ORDER BY id, key");
    }

    private static Object value(ResultSet rs, boolean pg) throws SQLException {
        return pg ? TypedColumns.read(rs, 3) : TypedColumns.readFolded(rs, 3);
    }

    private static void scalars(Connection c, boolean pg, String sql, List<Long> rows, Map<Long, Map<String, Object>> out)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, InList.params(pg, rows));
            try (ResultSet rs = ps.executeQuery()) {
                long last = Long.MIN_VALUE;
                Map<String, Object> m = null;
                while (rs.next()) {
                    long row = rs.getLong(1);
                    if (row != last || m == null) {   // rows come grouped by id: one map lookup per record, not per key
                        m = out.computeIfAbsent(row, k -> new LinkedHashMap<>());
                        last = row;
                    }
                    m.put(rs.getString(2), value(rs, pg));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void arrays(Connection c, boolean pg, String sql, List<Long> rows, Map<Long, Map<String, Object>> out)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, InList.params(pg, rows));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>());
                    ((List<Object>) m.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())).add(value(rs, pg));
                }
            }
        }
    }
}
