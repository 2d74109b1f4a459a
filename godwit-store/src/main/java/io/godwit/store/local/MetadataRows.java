package io.godwit.store.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * Writes records' metadata into the metadata segment, batched: scalars one row each in
 * {@code embedding_metadata} (one typed column set), arrays one row per element in
 * {@code embedding_metadata_array} (and no row in {@code embedding_metadata}), documents in
 * {@code embedding_fulltext_search} (rowid = {@code embeddings.id}). Call the adders, then
 * {@link #flush} once.
 */
final class MetadataRows implements AutoCloseable {
    private final PreparedStatement scalar;
    private final PreparedStatement array;
    private final PreparedStatement removeScalar;
    private final PreparedStatement removeArray;
    private final PreparedStatement document;
    private final PreparedStatement removeDocument;
    private boolean removals;

    MetadataRows(Connection c) throws SQLException {
        scalar = c.prepareStatement("INSERT INTO embedding_metadata (id, key, string_value, int_value, float_value,"
                + " bool_value) VALUES (?, ?, ?, ?, ?, ?)");
        array = c.prepareStatement("INSERT INTO embedding_metadata_array (id, key, ord, string_value, int_value,"
                + " float_value, bool_value) VALUES (?, ?, ?, ?, ?, ?, ?)");
        removeScalar = c.prepareStatement("DELETE FROM embedding_metadata WHERE id = ? AND key = ?");
        removeArray = c.prepareStatement("DELETE FROM embedding_metadata_array WHERE id = ? AND key = ?");
        document = c.prepareStatement("INSERT INTO embedding_fulltext_search (rowid, string_value) VALUES (?, ?)");
        removeDocument = c.prepareStatement("DELETE FROM embedding_fulltext_search WHERE rowid = ?");
    }

    /** The metadata of a new record (no rows yet). */
    void insert(long row, Map<String, Object> metadata) throws SQLException {
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            put(row, e.getKey(), e.getValue());
        }
    }

    /** An update's metadata merged into a record's: given keys replaced, null values removed, others kept. */
    void merge(long row, Map<String, Object> metadata) throws SQLException {
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            for (PreparedStatement remove : List.of(removeScalar, removeArray)) {
                remove.setLong(1, row);
                remove.setString(2, e.getKey());
                remove.addBatch();
            }
            removals = true;
        }
        // Removals run first (see flush), so the new rows never meet the old ones.
        insert(row, withoutNulls(metadata));
    }

    void document(long row, String text, boolean replacing) throws SQLException {
        if (replacing) {
            removeDocument.setLong(1, row);
            removeDocument.addBatch();
            removals = true;
        }
        document.setLong(1, row);
        document.setString(2, text);
        document.addBatch();
    }

    void flush() throws SQLException {
        if (removals) {
            removeScalar.executeBatch();
            removeArray.executeBatch();
            removeDocument.executeBatch();
        }
        scalar.executeBatch();
        array.executeBatch();
        document.executeBatch();
    }

    private void put(long row, String key, Object value) throws SQLException {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                array.setLong(1, row);
                array.setString(2, key);
                array.setInt(3, i);
                typed(array, 4, list.get(i));
                array.addBatch();
            }
        } else {
            scalar.setLong(1, row);
            scalar.setString(2, key);
            typed(scalar, 3, value);
            scalar.addBatch();
        }
    }

    /** Binds the four typed columns from {@code first}: the value in its own, NULL in the others. */
    private static void typed(PreparedStatement ps, int first, Object value) throws SQLException {
        if (value instanceof String s) {
            ps.setString(first, s);
        } else {
            ps.setNull(first, Types.VARCHAR);
        }
        if (value instanceof Long l) {
            ps.setLong(first + 1, l);
        } else {
            ps.setNull(first + 1, Types.BIGINT);
        }
        if (value instanceof Double d) {
            ps.setDouble(first + 2, d);
        } else {
            ps.setNull(first + 2, Types.DOUBLE);
        }
        if (value instanceof Boolean b) {
            ps.setBoolean(first + 3, b);
        } else {
            ps.setNull(first + 3, Types.BOOLEAN);
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> metadata) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(metadata);
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : List.of(scalar, array, removeScalar, removeArray, document, removeDocument)) {
            ps.close();
        }
    }
}
