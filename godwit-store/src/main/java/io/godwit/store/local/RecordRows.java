package io.godwit.store.local;

import io.godwit.store.Float32Encoding;
import io.godwit.store.Include;
import io.godwit.store.metadata.RecordFilter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads records from the metadata segment in two steps: {@link #select} the rows a request matches
 * (ids, then the filter's SQL condition, then its document check), in insertion order; then
 * {@link #load} what the answer includes for those rows.
 */
final class RecordRows {
    private static final int CHUNK = 500;

    /** One record as read back; fields not asked for are null. */
    record Loaded(String id, float[] embedding, String document, Map<String, Object> metadata, String uri) {
    }

    private RecordRows() {
    }

    /** The matching rows' {@code embeddings.id}, ascending (insertion order), paged after every check. */
    static List<Long> select(Connection c, boolean pg, CollectionRow row, List<String> ids, RecordFilter filter,
                             Integer limit, int offset) throws SQLException {
        boolean check = filter.needsDocumentCheck(pg);   // PostgreSQL leaves $regex to Java
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT e.id").append(check ? ", f.string_value" : "")
                .append(" FROM embeddings e").append(check ? " LEFT JOIN embedding_fulltext_search f ON f.rowid = e.id" : "")
                .append(" WHERE e.segment_id = ?");
        params.add(row.metadataSegment());
        if (ids != null) {
            if (ids.isEmpty()) {
                return List.of();
            }
            sql.append(" AND e.embedding_id IN (").append(Jdbc.marks(ids.size())).append(")");
            params.addAll(ids);
        }
        if (!filter.isEmpty()) {
            sql.append(" AND (").append(filter.sql(pg, params)).append(")");
        }
        sql.append(" ORDER BY e.id");
        if (!check && (limit != null || offset > 0)) {
            sql.append(" LIMIT ? OFFSET ?");
            params.add(limit == null ? Long.MAX_VALUE : (long) limit);
            params.add((long) offset);
        }
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!check || filter.matchesDocument(rs.getString(2))) {
                        out.add(rs.getLong(1));
                    }
                }
            }
        }
        if (check) {
            int from = Math.min(offset, out.size());
            int to = limit == null ? out.size() : (int) Math.min(out.size(), (long) from + limit);
            return out.subList(from, to);
        }
        return out;
    }

    /** The records of {@code rows} with what {@code include} asks for, by row. */
    static Map<Long, Loaded> load(Connection c, List<Long> rows, Set<Include> include) throws SQLException {
        Map<Long, Loaded> out = new HashMap<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Long> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            Map<Long, Map<String, Object>> metadata = include.contains(Include.METADATAS) ? metadata(c, chunk) : Map.of();
            boolean vectors = include.contains(Include.EMBEDDINGS);
            boolean documents = include.contains(Include.DOCUMENTS);
            boolean uris = include.contains(Include.URIS);
            String sql = "SELECT e.id, e.embedding_id" + (vectors ? ", e.vector" : ", NULL") + (uris ? ", e.uri" : ", NULL")
                    + (documents ? ", f.string_value" : ", NULL") + " FROM embeddings e"
                    + (documents ? " LEFT JOIN embedding_fulltext_search f ON f.rowid = e.id" : "")
                    + " WHERE e.id IN (" + Jdbc.marks(chunk.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long row = rs.getLong(1);
                        byte[] v = vectors ? rs.getBytes(3) : null;
                        out.put(row, new Loaded(rs.getString(2), v == null ? null : Float32Encoding.unpack(v),
                                documents ? rs.getString(5) : null, metadata.get(row), uris ? rs.getString(4) : null));
                    }
                }
            }
        }
        return out;
    }

    private static Map<Long, Map<String, Object>> metadata(Connection c, List<Long> rows) throws SQLException {
        Map<Long, Map<String, Object>> out = new HashMap<>();
        String in = " WHERE id IN (" + Jdbc.marks(rows.size()) + ")";
        try (PreparedStatement ps = c.prepareStatement("SELECT id, key, string_value, int_value, float_value, bool_value"
                + " FROM embedding_metadata" + in + " ORDER BY id, key")) {
            Jdbc.bind(ps, rows);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), TypedColumns.read(rs, 3));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, key, string_value, int_value, float_value, bool_value"
                + " FROM embedding_metadata_array" + in + " ORDER BY id, key, ord")) {
            Jdbc.bind(ps, rows);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>());
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) m.computeIfAbsent(rs.getString(2), k -> new ArrayList<>());
                    list.add(TypedColumns.read(rs, 3));
                }
            }
        }
        return out;
    }
}
