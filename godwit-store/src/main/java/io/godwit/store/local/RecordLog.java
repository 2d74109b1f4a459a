package io.godwit.store.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.godwit.store.Float32Encoding;
import io.godwit.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The write-ahead log ({@code embeddings_queue}): every applied record operation, in seq_id order,
 * under its collection's topic. Operations are Chroma's: 0 add, 1 update, 2 upsert, 3 delete. The
 * vector is packed float32 ({@code encoding = 'FLOAT32'}); {@code metadata} is a JSON object of the
 * metadata given (null values: keys removed by an update) plus {@code chroma:document} and
 * {@code chroma:uri} when given, as Chroma's log carries them.
 */
final class RecordLog implements AutoCloseable {
    static final int ADD = 0;
    static final int UPDATE = 1;
    static final int UPSERT = 2;
    static final int DELETE = 3;

    private final PreparedStatement insert;
    private final String topic;

    RecordLog(Connection c, String topic) throws SQLException {
        this.topic = topic;
        this.insert = c.prepareStatement("INSERT INTO embeddings_queue (seq_id, operation, topic, id, vector, encoding,"
                + " metadata, record_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Appends one entry; {@code recordRow} is the record's {@code embeddings.id} (the vector index's key); {@code vector} is already packed ({@link Float32Encoding#pack}) or null. */
    void add(long seqId, int operation, String id, long recordRow, byte[] vector, Map<String, Object> metadata,
             String document, String uri) throws SQLException {
        insert.setLong(1, seqId);
        insert.setInt(2, operation);
        insert.setString(3, topic);
        insert.setString(4, id);
        insert.setBytes(5, vector);
        insert.setString(6, vector == null ? null : Float32Encoding.NAME);
        insert.setString(7, json(metadata, document, uri));
        insert.setLong(8, recordRow);
        insert.addBatch();
    }

    void flush() throws SQLException {
        insert.executeBatch();
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }

    private static String json(Map<String, Object> metadata, String document, String uri) {
        if (metadata == null && document == null && uri == null) {
            return null;
        }
        Map<String, Object> all = metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
        if (document != null) {
            all.put("chroma:document", document);
        }
        if (uri != null) {
            all.put("chroma:uri", uri);
        }
        try {
            return ConfigurationJson.JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new StoreException(StoreException.Kind.INTERNAL, "Could not encode a log entry: " + e.getMessage(), e);
        }
    }

    /**
     * Purges the topic's entries that every consumer holds, unless the settings keep the log. A
     * consumer is a segment of the collection other than the metadata segment (which is written in
     * the same transaction) that records its position in {@code max_seq_id} with the current epoch.
     * The current batch ({@code seq_id >= firstOfBatch}) always stays, so the last write is in the log;
     * so does what this client's own open vector segment has not read yet ({@code heldInProcess}).
     * The collection's {@code log_position} records how far the log was purged: a segment whose
     * position is below it can no longer catch up from the log (it resynchronises from the records).
     */
    static void purge(Connection c, CollectionRow row, String epoch, long firstOfBatch, long heldInProcess)
            throws SQLException {
        long held = Jdbc.longValue(c, Long.MAX_VALUE, "SELECT min(m.seq_id) FROM max_seq_id m JOIN segments s"
                + " ON s.id = m.segment_id WHERE s.collection = ? AND s.scope <> 'METADATA' AND m.epoch = ?",
                row.id().toString(), epoch);
        long below = Math.min(Math.min(held, heldInProcess), firstOfBatch - 1);
        if (Jdbc.update(c, "DELETE FROM embeddings_queue WHERE topic = ? AND seq_id <= ?", row.topic(), below) > 0) {
            Jdbc.update(c, "UPDATE collections SET log_position = ? WHERE id = ? AND log_position < ?", below,
                    row.id().toString(), below);
        }
    }
}
