package io.godwit.store.local;

import io.godwit.store.CollectionConfiguration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of collections ({@code collections}, {@code collection_metadata}, {@code segments}): read,
 * insert, change and delete rows inside a transaction the caller holds.
 */
final class CollectionRows {
    static final String METADATA_TYPE = "godwit/metadata";
    static final String VECTOR_TYPE = "godwit/vector";
    private static final String SELECT = "SELECT c.id, c.name, d.tenant_id, d.name, c.database_id, c.topic, c.dimension,"
            + " c.configuration_json_str,"
            + " (SELECT min(s.id) FROM segments s WHERE s.collection = c.id AND s.scope = 'METADATA'),"
            + " (SELECT min(s.id) FROM segments s WHERE s.collection = c.id AND s.scope = 'VECTOR')"
            + " FROM collections c JOIN databases d ON d.id = c.database_id";

    private CollectionRows() {
    }

    static Optional<CollectionRow> byName(Connection c, String databaseId, String name) throws SQLException {
        List<CollectionRow> rows = query(c, SELECT + " WHERE c.database_id = ? AND c.name = ?", databaseId, name);
        return rows.stream().findFirst();
    }

    static Optional<CollectionRow> byId(Connection c, String databaseId, UUID id) throws SQLException {
        return query(c, SELECT + " WHERE c.database_id = ? AND c.id = ?", databaseId, id.toString()).stream().findFirst();
    }

    /** By id alone: what a collection handle re-reads at the start of each call. */
    static Optional<CollectionRow> byId(Connection c, UUID id) throws SQLException {
        return query(c, SELECT + " WHERE c.id = ?", id.toString()).stream().findFirst();
    }

    static List<CollectionRow> list(Connection c, String databaseId, Integer limit, int offset) throws SQLException {
        return query(c, SELECT + " WHERE c.database_id = ? ORDER BY c.created_seq, c.id LIMIT ? OFFSET ?", databaseId,
                limit == null ? Long.MAX_VALUE : (long) limit, (long) offset);
    }

    static long count(Connection c, String databaseId) throws SQLException {
        return Jdbc.longValue(c, 0, "SELECT count(*) FROM collections WHERE database_id = ?", databaseId);
    }

    static void insert(Connection c, CollectionRow row, String epoch) throws SQLException {
        long seq = Jdbc.longValue(c, 0, "SELECT max(created_seq) FROM collections") + 1;
        Jdbc.update(c, "INSERT INTO collections (id, name, topic, dimension, database_id, configuration_json_str,"
                        + " created_seq) VALUES (?, ?, ?, ?, ?, ?, ?)", row.id().toString(), row.name(), row.topic(),
                row.dimension(), row.databaseId(), ConfigurationJson.write(row.configuration()), seq);
        insertSegment(c, row.metadataSegment(), METADATA_TYPE, "METADATA", row);
        insertSegment(c, row.vectorSegment(), VECTOR_TYPE, "VECTOR", row);
        Jdbc.update(c, "INSERT INTO max_seq_id (segment_id, seq_id, epoch, record_count) VALUES (?, 0, ?, 0)",
                row.metadataSegment(), epoch);
        writeMetadata(c, row.id(), row.metadata());
    }

    static void insertSegment(Connection c, String id, String type, String scope, CollectionRow row) throws SQLException {
        Jdbc.update(c, "INSERT INTO segments (id, type, scope, topic, collection) VALUES (?, ?, ?, ?, ?)", id, type, scope,
                row.topic(), row.id().toString());
    }

    static void rename(Connection c, UUID id, String name) throws SQLException {
        Jdbc.update(c, "UPDATE collections SET name = ? WHERE id = ?", name, id.toString());
    }

    static void configure(Connection c, UUID id, CollectionConfiguration configuration) throws SQLException {
        Jdbc.update(c, "UPDATE collections SET configuration_json_str = ? WHERE id = ?",
                ConfigurationJson.write(configuration), id.toString());
    }

    static void writeMetadata(Connection c, UUID id, Map<String, Object> metadata) throws SQLException {
        Jdbc.update(c, "DELETE FROM collection_metadata WHERE collection_id = ?", id.toString());
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            Jdbc.update(c, "INSERT INTO collection_metadata (collection_id, key, "
                    + MetadataValues.column(e.getValue(), "str_value") + ") VALUES (?, ?, ?)", id.toString(), e.getKey(),
                    e.getValue());
        }
    }

    /** Deletes the collection with its records, metadata, documents, log entries and segments. */
    static void delete(Connection c, CollectionRow row) throws SQLException {
        Jdbc.update(c, "DELETE FROM embedding_fulltext_search WHERE rowid IN (SELECT id FROM embeddings WHERE segment_id = ?)",
                row.metadataSegment());
        Jdbc.update(c, "DELETE FROM embeddings WHERE segment_id = ?", row.metadataSegment());
        Jdbc.update(c, "DELETE FROM embeddings_queue WHERE topic = ?", row.topic());
        Jdbc.update(c, "DELETE FROM max_seq_id WHERE segment_id IN (SELECT id FROM segments WHERE collection = ?)",
                row.id().toString());
        Jdbc.update(c, "DELETE FROM collections WHERE id = ?", row.id().toString());
    }

    private static List<CollectionRow> query(Connection c, String sql, Object... params) throws SQLException {
        List<CollectionRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, java.util.Arrays.asList(params));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = UUID.fromString(rs.getString(1));
                    int dim = rs.getInt(7);
                    Integer dimension = rs.wasNull() ? null : dim;
                    Map<String, Object> metadata = readMetadata(c, id);
                    out.add(new CollectionRow(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), dimension, rs.getString(9), rs.getString(10),
                            ConfigurationJson.read(rs.getString(8), metadata), metadata));
                }
            }
        }
        return out;
    }

    static Map<String, Object> readMetadata(Connection c, UUID id) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, str_value, int_value, float_value, bool_value"
                + " FROM collection_metadata WHERE collection_id = ? ORDER BY key")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), TypedColumns.read(rs, 2));
                }
            }
        }
        return values;
    }
}
