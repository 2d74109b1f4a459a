package io.godwit.store;

import io.godwit.GodwitException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named collection of embeddings. A write appends to the embeddings queue (the write-ahead log)
 * and indexes the record in metadb in the same transaction; vectors are stored as packed
 * little-endian float32, the queue's {@code FLOAT32} encoding.
 */
public final class Collection implements LegacyStoreCollection {
    private final Object lock;
    private final Connection c;
    private final String name;
    private final String id;
    private final String topic;
    private final Integer dimension;
    private final String metadataSegment;

    Collection(Object lock, Connection c, String name, String id, String topic, Integer dimension, String metadataSegment) {
        this.lock = lock;
        this.c = c;
        this.name = name;
        this.id = id;
        this.topic = topic;
        this.dimension = dimension;
        this.metadataSegment = metadataSegment;
    }

    public String name() {
        return name;
    }

    public Optional<Integer> dimension() {
        return Optional.ofNullable(dimension);
    }

    @Override
    public Map<String, Object> metadata() {
        synchronized (lock) {
            return CollectionMetadata.read(c, id);
        }
    }

    /** Adds one record; metadata values may be String, Integer/Long, Double/Float or Boolean. */
    public void add(String recordId, float[] embedding, Map<String, Object> metadata, String document) {
        if (dimension != null && embedding.length != dimension) {
            throw new GodwitException("Collection " + name + " holds vectors of dimension " + dimension
                    + ", got " + embedding.length + " for id " + recordId);
        }
        synchronized (lock) {
            Sql.run(c, () -> {
                Sql.update(c, "INSERT INTO embeddings_queue (operation, topic, id, vector, encoding) VALUES (0, ?, ?, ?, 'FLOAT32')",
                        topic, recordId, Float32Encoding.pack(embedding));
                long seqId = single("SELECT max(seq_id) FROM embeddings_queue WHERE topic = ? AND id = ?", topic, recordId);
                Sql.update(c, "INSERT INTO embeddings (segment_id, embedding_id, seq_id) VALUES (?, ?, ?)", metadataSegment, recordId, seqId);
                long rowId = single("SELECT id FROM embeddings WHERE segment_id = ? AND embedding_id = ?", metadataSegment, recordId);
                for (Map.Entry<String, Object> e : metadata.entrySet()) {
                    insertMetadata(rowId, e.getKey(), e.getValue());
                }
                if (document != null) {
                    Sql.update(c, "INSERT INTO embedding_fulltext_search (rowid, string_value) VALUES (?, ?)", rowId, document);
                }
            });
        }
    }

    public long count() {
        synchronized (lock) {
            try {
                return single("SELECT count(*) FROM embeddings WHERE segment_id = ?", metadataSegment);
            } catch (SQLException e) {
                throw Sql.failure("count " + name, e);
            }
        }
    }

    public Optional<StoredEmbedding> get(String recordId) {
        synchronized (lock) {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.id, q.vector, f.string_value FROM embeddings e"
                    + " JOIN embeddings_queue q ON q.seq_id = e.seq_id"
                    + " LEFT JOIN embedding_fulltext_search f ON f.rowid = e.id"
                    + " WHERE e.segment_id = ? AND e.embedding_id = ?")) {
                ps.setString(1, metadataSegment);
                ps.setString(2, recordId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredEmbedding(recordId, Float32Encoding.unpack(rs.getBytes(2)), metadata(rs.getLong(1)), rs.getString(3)));
                }
            } catch (SQLException e) {
                throw Sql.failure("read " + recordId + " from " + name, e);
            }
        }
    }

    /** The ids of the {@code k} records nearest to {@code query} by Euclidean distance, nearest first (exact search). */
    public List<String> query(float[] query, int k) {
        record Hit(String id, double distance) {
        }
        List<Hit> hits = new ArrayList<>();
        synchronized (lock) {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.embedding_id, q.vector FROM embeddings e"
                    + " JOIN embeddings_queue q ON q.seq_id = e.seq_id WHERE e.segment_id = ?")) {
                ps.setString(1, metadataSegment);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hits.add(new Hit(rs.getString(1), distance(query, Float32Encoding.unpack(rs.getBytes(2)))));
                    }
                }
            } catch (SQLException e) {
                throw Sql.failure("query " + name, e);
            }
        }
        return hits.stream().sorted(Comparator.comparingDouble(Hit::distance)).limit(k).map(Hit::id).toList();
    }

    private void insertMetadata(long rowId, String key, Object value) throws SQLException {
        String column = MetadataValue.of(key, value).column("string");
        Sql.update(c, "INSERT INTO embedding_metadata (id, key, " + column + ") VALUES (?, ?, ?)", rowId, key, value);
    }

    private Map<String, Object> metadata(long rowId) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, string_value, int_value, float_value, bool_value"
                + " FROM embedding_metadata WHERE id = ? ORDER BY key")) {
            ps.setLong(1, rowId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), MetadataValue.read(rs, 2));
                }
            }
        }
        return values;
    }

    private long single(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
