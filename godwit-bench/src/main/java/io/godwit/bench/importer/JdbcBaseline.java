package io.godwit.bench.importer;

import io.godwit.store.Float32Encoding;
import io.godwit.store.importer.SourceRecord;
import io.godwit.store.local.SqliteConnections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The yardstick of the import benchmark: the same rows written into the same tables of a fresh
 * store (its log with the vector and the metadata JSON, its records with the vector, their typed
 * metadata, the documents' full-text index) by plain JDBC batches of prepared statements, one
 * transaction per batch of {@code batch} records, with none of the store's checks and reads. The
 * store's own writer settings are set alike: WAL, {@code synchronous=FULL}, foreign keys on, the
 * same page cache ({@link SqliteConnections#WRITER_CACHE_KIB}).
 *
 * <p>{@link Mode#INSERT} only inserts (the log keeps every entry); {@link Mode#LIKE_THE_STORE}
 * also runs, per batch, the statements by which the store's write ends in the same state: the
 * segment's position and count ({@code max_seq_id}) and the purge of the log entries below the
 * batch (no segment needs them: a new store's vector index is built from the records). What the
 * import does beyond either is its own reading of the source, checking each batch, finding which ids
 * exist, reserving keys and building the log's JSON with a JSON library.
 */
final class JdbcBaseline {
    /** Which statements a batch runs. */
    enum Mode { INSERT, LIKE_THE_STORE }

    private JdbcBaseline() {
    }

    /** Inserts {@code records} into collection {@code name} of the SQLite store in {@code file}; returns seconds. */
    static double insert(String file, String name, List<SourceRecord> records, int batch, Mode mode) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = FULL");
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA cache_size = -" + SqliteConnections.WRITER_CACHE_KIB);
            }
            String[] ids = segment(c, name);
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement queue = c.prepareStatement("INSERT INTO embeddings_queue (seq_id, operation, topic, id,"
                    + " vector, encoding, metadata, record_row) VALUES (?, 0, ?, ?, ?, 'FLOAT32', ?, ?)");
                 PreparedStatement row = c.prepareStatement("INSERT INTO embeddings (id, segment_id, embedding_id, seq_id, vector,"
                         + " uri) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement meta = c.prepareStatement("INSERT INTO embedding_metadata (id, key, string_value, int_value,"
                         + " float_value, bool_value) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement doc = c.prepareStatement("INSERT INTO embedding_fulltext_search (rowid, string_value) VALUES (?, ?)");
                 PreparedStatement position = c.prepareStatement("INSERT INTO max_seq_id (segment_id, seq_id, record_count)"
                         + " VALUES (?, ?, ?) ON CONFLICT (segment_id) DO UPDATE SET seq_id = excluded.seq_id,"
                         + " record_count = excluded.record_count");
                 PreparedStatement purge = c.prepareStatement("DELETE FROM embeddings_queue WHERE topic = ? AND seq_id < ?")) {
                long seq = 1;
                long first = 1;
                for (SourceRecord r : records) {
                    byte[] vector = Float32Encoding.pack(r.embedding());
                    queue.setLong(1, seq);
                    queue.setString(2, ids[1]);
                    queue.setString(3, r.id());
                    queue.setBytes(4, vector);
                    queue.setString(5, json(r));
                    queue.setLong(6, seq);
                    queue.addBatch();
                    row.setLong(1, seq);
                    row.setString(2, ids[0]);
                    row.setString(3, r.id());
                    row.setLong(4, seq);
                    row.setBytes(5, vector);
                    row.setString(6, r.uri());
                    row.addBatch();
                    for (Map.Entry<String, Object> e : (r.metadata() == null ? Map.<String, Object>of() : r.metadata()).entrySet()) {
                        meta.setLong(1, seq);
                        meta.setString(2, e.getKey());
                        meta.setObject(3, e.getValue() instanceof String s ? s : null);
                        meta.setObject(4, e.getValue() instanceof Long l ? l : null);
                        meta.setObject(5, e.getValue() instanceof Double d ? d : null);
                        meta.setObject(6, e.getValue() instanceof Boolean b ? (b ? 1 : 0) : null);
                        meta.addBatch();
                    }
                    if (r.document() != null) {
                        doc.setLong(1, seq);
                        doc.setString(2, r.document());
                        doc.addBatch();
                    }
                    if (seq % batch == 0 || seq == records.size()) {
                        queue.executeBatch();
                        row.executeBatch();
                        meta.executeBatch();
                        doc.executeBatch();
                        if (mode == Mode.LIKE_THE_STORE) {
                            likeTheStore(position, purge, ids, first, seq);
                        }
                        c.commit();
                        first = seq + 1;
                    }
                    seq++;
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** The segment's position and count after the batch {@code first..last}; the log purged below it. */
    private static void likeTheStore(PreparedStatement position, PreparedStatement purge, String[] ids, long first, long last)
            throws SQLException {
        position.setString(1, ids[0]);
        position.setLong(2, last);
        position.setLong(3, last);
        position.executeUpdate();
        purge.setString(1, ids[1]);
        purge.setLong(2, first);
        purge.executeUpdate();
    }

    /** {metadata segment id, topic} of the collection. */
    private static String[] segment(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT s.id, c.topic FROM segments s JOIN collections c"
                + " ON c.id = s.collection WHERE c.name = '" + name + "' AND s.scope = 'METADATA'")) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    private static String json(SourceRecord r) {
        StringBuilder s = new StringBuilder("{\"chroma:document\": \"").append(r.document()).append('"');
        if (r.metadata() != null) {
            r.metadata().forEach((k, v) -> s.append(", \"").append(k).append("\": ")
                    .append(v instanceof String ? "\"" + v + "\"" : String.valueOf(v)));
        }
        return s.append('}').toString();
    }
}
