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
 * A record without metadata has no entry (it reads back null, as Chroma's).
 */
final class MetadataLoad {
    /** Rows per statement: well inside both databases' limits on bind values. */
    static final int CHUNK = 1000;
    private static final String COLUMNS = "SELECT id, key, string_value, int_value, float_value, bool_value FROM ";

    private MetadataLoad() {
    }

    /** The metadata of {@code rows} ({@code embeddings.id}), by row. */
    static Map<Long, Map<String, Object>> of(Connection c, List<Long> rows) throws SQLException {
        Map<Long, Map<String, Object>> out = new HashMap<>(rows.size() * 2);
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Long> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            String in = " WHERE id IN (" + Jdbc.marks(chunk.size()) + ")";
            scalars(c, COLUMNS + "embedding_metadata" + in + " ORDER BY id, key", chunk, out);
            arrays(c, COLUMNS + "embedding_metadata_array" + in + " ORDER BY id, key, ord", chunk, out);
        }
        return out;
    }

    private static void scalars(Connection c, String sql, List<Long> rows, Map<Long, Map<String, Object>> out)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindRows(ps, rows);
            try (ResultSet rs = ps.executeQuery()) {
                long last = Long.MIN_VALUE;
                Map<String, Object> m = null;
                while (rs.next()) {
                    long row = rs.getLong(1);
                    if (row != last || m == null) {   // rows come grouped by id: one map lookup per record, not per key
                        m = out.computeIfAbsent(row, k -> new LinkedHashMap<>());
                        last = row;
                    }
                    m.put(rs.getString(2), TypedColumns.read(rs, 3));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void arrays(Connection c, String sql, List<Long> rows, Map<Long, Map<String, Object>> out)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindRows(ps, rows);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>());
                    ((List<Object>) m.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())).add(TypedColumns.read(rs, 3));
                }
            }
        }
    }

    static void bindRows(PreparedStatement ps, List<Long> rows) throws SQLException {
        for (int i = 0; i < rows.size(); i++) {
            ps.setLong(i + 1, rows.get(i));
        }
    }
}
