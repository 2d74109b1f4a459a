package io.godwit.store.local;

import io.godwit.store.Float32Encoding;
import io.godwit.store.Include;
import io.godwit.store.metadata.RecordFilter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads records from the metadata segment. {@link #get} answers a get in one statement over
 * {@code embeddings} (and the documents) plus the metadata of the page; {@link #select} and
 * {@link #load} are the same in two steps for callers that rank rows in between (query, delete).
 * Rows come in insertion order ({@code embeddings.id}), paged after every check.
 *
 * <p>Plans: by ids, the {@code (segment_id, embedding_id)} index finds the rows and they are sorted
 * here, since an {@code ORDER BY} lets SQLite walk the whole segment in id order instead (100x slower
 * at 100,000 records); otherwise the {@code (segment_id, id)} index gives the order and the page.
 */
final class RecordRows {
    /** One record as read back; fields not asked for are null. */
    record Loaded(String id, float[] embedding, String document, Map<String, Object> metadata, String uri) {
    }

    /** A row of the one-pass read before its metadata is attached. */
    private record Row(long row, String id, byte[] vector, String uri, String document) {
    }

    private RecordRows() {
    }

    /** The records a get asks for, in insertion order, paged, with what {@code include} asks for. */
    static List<Loaded> get(Connection c, boolean pg, String segment, List<String> ids, RecordFilter filter,
                            Integer limit, int offset, Set<Include> include) throws SQLException {
        boolean check = filter.needsDocumentCheck(pg);   // PostgreSQL leaves $regex to Java
        boolean vectors = include.contains(Include.EMBEDDINGS);
        boolean documents = include.contains(Include.DOCUMENTS) || check;
        String columns = "e.id, e.embedding_id" + (vectors ? ", e.vector" : ", NULL")
                + (include.contains(Include.URIS) ? ", e.uri" : ", NULL") + (documents ? ", f.string_value" : ", NULL");
        List<Row> rows = new ArrayList<>();
        boolean uris = include.contains(Include.URIS);
        query(c, pg, columns, documents, segment, ids, filter, limit, offset, rs -> {
            String document = documents ? rs.getString(5) : null;
            if (!check || filter.matchesDocument(document)) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), vectors ? rs.getBytes(3) : null,
                        uris ? rs.getString(4) : null, document));
            }
        });
        List<Row> page = page(rows, ids != null || check, limit, offset, Comparator.comparingLong(Row::row));
        Map<Long, Map<String, Object>> metadata = include.contains(Include.METADATAS)
                ? MetadataLoad.of(c, page.stream().map(Row::row).toList()) : Map.of();
        List<Loaded> out = new ArrayList<>(page.size());
        for (Row r : page) {
            out.add(new Loaded(r.id(), r.vector() == null ? null : Float32Encoding.unpack(r.vector()),
                    include.contains(Include.DOCUMENTS) ? r.document() : null, metadata.get(r.row()), r.uri()));
        }
        return out;
    }

    /** The matching rows' {@code embeddings.id}, ascending (insertion order), paged after every check. */
    static List<Long> select(Connection c, boolean pg, CollectionRow row, List<String> ids, RecordFilter filter,
                             Integer limit, int offset) throws SQLException {
        boolean check = filter.needsDocumentCheck(pg);
        List<Long> out = new ArrayList<>();
        query(c, pg, check ? "e.id, f.string_value" : "e.id", check, row.metadataSegment(), ids, filter, limit, offset,
                rs -> {
                    if (!check || filter.matchesDocument(rs.getString(2))) {
                        out.add(rs.getLong(1));
                    }
                });
        return page(out, ids != null || check, limit, offset, Comparator.naturalOrder());
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs the select of {@code columns} for one request: by ids (in chunks, unordered: sorted by the
     * caller) or in insertion order with the page in SQL; {@code documents} joins the documents as {@code f}.
     */
    private static void query(Connection c, boolean pg, String columns, boolean documents, String segment,
                              List<String> ids, RecordFilter filter, Integer limit, int offset, RowReader reader)
            throws SQLException {
        String from = "SELECT " + columns + " FROM embeddings e"
                + (documents ? " LEFT JOIN embedding_fulltext_search f ON f.rowid = e.id" : "") + " WHERE e.segment_id = ?";
        List<Object> filterParams = new ArrayList<>();
        String condition = filter.isEmpty() ? "" : " AND (" + filter.sql(pg, filterParams) + ")";
        if (ids == null) {
            List<Object> params = new ArrayList<>();
            params.add(segment);
            params.addAll(filterParams);
            String sql = from + condition + " ORDER BY e.id";
            if (!filter.needsDocumentCheck(pg) && (limit != null || offset > 0)) {
                sql += " LIMIT ? OFFSET ?";
                params.add(limit == null ? Long.MAX_VALUE : (long) limit);
                params.add((long) offset);
            }
            run(c, sql, params, reader);
            return;
        }
        for (int at = 0; at < ids.size(); at += MetadataLoad.CHUNK) {
            List<String> chunk = ids.subList(at, Math.min(ids.size(), at + MetadataLoad.CHUNK));
            List<Object> params = new ArrayList<>(chunk.size() + filterParams.size() + 1);
            params.add(segment);
            params.addAll(chunk);
            params.addAll(filterParams);
            run(c, from + " AND e.embedding_id IN (" + Jdbc.marks(chunk.size()) + ")" + condition, params, reader);
        }
    }

    private static void run(Connection c, String sql, List<Object> params, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    /** Sorts (when the SQL did not order) and pages (when the SQL did not page) what was read. */
    private static <T> List<T> page(List<T> rows, boolean here, Integer limit, int offset, Comparator<T> order) {
        if (!here) {
            return rows;
        }
        rows.sort(order);
        int from = Math.min(offset, rows.size());
        int to = limit == null ? rows.size() : (int) Math.min(rows.size(), (long) from + limit);
        return rows.subList(from, to);
    }

    /** The records of {@code rows} with what {@code include} asks for, by row. */
    static Map<Long, Loaded> load(Connection c, List<Long> rows, Set<Include> include) throws SQLException {
        Map<Long, Loaded> out = new HashMap<>(rows.size() * 2);
        boolean vectors = include.contains(Include.EMBEDDINGS);
        boolean documents = include.contains(Include.DOCUMENTS);
        boolean uris = include.contains(Include.URIS);
        for (int from = 0; from < rows.size(); from += MetadataLoad.CHUNK) {
            List<Long> chunk = rows.subList(from, Math.min(rows.size(), from + MetadataLoad.CHUNK));
            Map<Long, Map<String, Object>> metadata = include.contains(Include.METADATAS) ? MetadataLoad.of(c, chunk) : Map.of();
            String sql = "SELECT e.id, e.embedding_id" + (vectors ? ", e.vector" : ", NULL") + (uris ? ", e.uri" : ", NULL")
                    + (documents ? ", f.string_value" : ", NULL") + " FROM embeddings e"
                    + (documents ? " LEFT JOIN embedding_fulltext_search f ON f.rowid = e.id" : "")
                    + " WHERE e.id IN (" + Jdbc.marks(chunk.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                MetadataLoad.bindRows(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long row = rs.getLong(1);
                        byte[] v = rs.getBytes(3);
                        out.put(row, new Loaded(rs.getString(2), v == null ? null : Float32Encoding.unpack(v),
                                rs.getString(5), metadata.get(row), rs.getString(4)));
                    }
                }
            }
        }
        return out;
    }
}
