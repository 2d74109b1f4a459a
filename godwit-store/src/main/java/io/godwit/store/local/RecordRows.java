package io.godwit.store.local;

import io.godwit.store.Float32Encoding;
import io.godwit.store.Include;
import io.godwit.store.metadata.RecordFilter;
import org.sqlite.SQLiteConnection;

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
 * <p>Plans: by ids, the {@code (segment_id, embedding_id)} index finds the rows and covers the
 * columns of the default include, and they are sorted here, since an {@code ORDER BY} lets SQLite
 * walk the whole segment in id order instead (100x slower at 100,000 records); otherwise the
 * {@code (segment_id, id)} index gives the order and the page. {@code SqliteGetPlanTest} checks the
 * plans. Only the columns asked for are selected.
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
        boolean uris = include.contains(Include.URIS);
        boolean documents = include.contains(Include.DOCUMENTS) || check;
        String columns = columns(pg, include, check);
        int uriAt = vectors ? 4 : 3;
        int documentAt = uris ? uriAt + 1 : uriAt;
        List<Row> rows = new ArrayList<>();
        query(c, pg, columns, documents, segment, ids, filter, limit, offset, rs -> {
            String document = documents ? rs.getString(documentAt) : null;
            if (!check || filter.matchesDocument(document)) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), vectors ? rs.getBytes(3) : null,
                        uris ? rs.getString(uriAt) : null, document));
            }
        });
        List<Row> page = page(rows, ids != null || check, limit, offset, Comparator.comparingLong(Row::row));
        Map<Long, Map<String, Object>> metadata = include.contains(Include.METADATAS)
                ? MetadataLoad.of(c, pg, page.stream().map(Row::row).toList()) : Map.of();
        List<Loaded> out = new ArrayList<>(page.size());
        for (Row r : page) {
            out.add(new Loaded(r.id(), r.vector() == null ? null : Float32Encoding.unpack(r.vector()),
                    include.contains(Include.DOCUMENTS) ? r.document() : null, metadata.get(r.row()), r.uri()));
        }
        return out;
    }

    /** Only the columns asked for (each column read is a native call per row on SQLite), in {@link #get}'s order. */
    private static String columns(boolean pg, Set<Include> include, boolean check) {
        return "e.id, e.embedding_id" + (include.contains(Include.EMBEDDINGS) ? ", e.vector" : "")
                + (include.contains(Include.URIS) ? ", e.uri" : "")
                + (include.contains(Include.DOCUMENTS) || check ? ", " + documentColumn(pg) : "");
    }

    /** The statement of a get by {@code n} ids (no filter), as {@link #get} runs it: for the plan test. */
    static String byIdsSql(boolean pg, Set<Include> include, int n) {
        return from(pg, columns(pg, include, false), include.contains(Include.DOCUMENTS)) + byIds(pg, n);
    }

    private static String from(boolean pg, String columns, boolean documents) {
        return "SELECT " + columns + " FROM embeddings e" + (documents ? documentJoin(pg) : "") + " WHERE e.segment_id = ?";
    }

    /**
     * By ids, the {@code (segment_id, embedding_id)} index finds the rows with no ORDER BY: with one,
     * SQLite walks the whole segment in id order instead (100x slower at 100,000 records).
     */
    private static String byIds(boolean pg, int n) {
        return " AND e.embedding_id " + InList.sql(pg, n);
    }

    /**
     * The join that gives each row its document as {@link #documentColumn}. On SQLite, FTS5's own
     * content table ({@code embedding_fulltext_search_content}: {@code id} = rowid, {@code c0} = the
     * first column, as FTS5 documents its shadow tables), which is read by key like any table; the
     * FTS5 table itself answers a rowid lookup through its virtual-table cursor, about twice the cost.
     */
    private static String documentJoin(boolean pg) {
        return pg ? " LEFT JOIN embedding_fulltext_search f ON f.rowid = e.id"
                : " LEFT JOIN embedding_fulltext_search_content f ON f.id = e.id";
    }

    private static String documentColumn(boolean pg) {
        return pg ? "f.string_value" : "f.c0";
    }

    /** The matching rows' {@code embeddings.id}, ascending (insertion order), paged after every check. */
    static List<Long> select(Connection c, boolean pg, CollectionRow row, List<String> ids, RecordFilter filter,
                             Integer limit, int offset) throws SQLException {
        boolean check = filter.needsDocumentCheck(pg);
        List<Long> out = new ArrayList<>();
        query(c, pg, check ? "e.id, " + documentColumn(pg) : "e.id", check, row.metadataSegment(), ids, filter, limit, offset,
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
        String from = from(pg, columns, documents);
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
            params.addAll(InList.params(pg, chunk));
            params.addAll(filterParams);
            run(c, from + byIds(pg, chunk.size()) + condition, params, reader);
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
        boolean pg = !c.isWrapperFor(SQLiteConnection.class);   // the driver's connection, or a StatementCache over it
        Map<Long, Loaded> out = new HashMap<>(rows.size() * 2);
        boolean vectors = include.contains(Include.EMBEDDINGS);
        boolean documents = include.contains(Include.DOCUMENTS);
        boolean uris = include.contains(Include.URIS);
        for (int from = 0; from < rows.size(); from += MetadataLoad.CHUNK) {
            List<Long> chunk = rows.subList(from, Math.min(rows.size(), from + MetadataLoad.CHUNK));
            Map<Long, Map<String, Object>> metadata = include.contains(Include.METADATAS)
                    ? MetadataLoad.of(c, pg, chunk) : Map.of();
            String sql = "SELECT e.id, e.embedding_id" + (vectors ? ", e.vector" : ", NULL") + (uris ? ", e.uri" : ", NULL")
                    + (documents ? ", " + documentColumn(pg) : ", NULL") + " FROM embeddings e"
                    + (documents ? documentJoin(pg) : "") + " WHERE e.id " + InList.sql(pg, chunk.size());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.bind(ps, InList.params(pg, chunk));
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
}
