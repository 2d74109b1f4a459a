package io.godwit.store.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The records every filter in {@code filter-cases.json} runs over ({@code filter-dataset.json}):
 * metadata of every type (integers and whole floats under one key, strings that look like numbers,
 * booleans beside integer 1), missing keys, records without metadata or document, an empty
 * document, arrays. {@link #seed} writes them into a metadata segment migrated by the built-in
 * subsystems, the way the store lays them out (one typed row per scalar, one row per array
 * element, a full-text row per document present).
 */
final class FilterDataset {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNode RECORDS = read("filter-dataset.json");

    private FilterDataset() {
    }

    static JsonNode read(String resource) {
        try (InputStream in = FilterDataset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the array table when the migrations do not (yet) and writes every record. */
    static void seed(Connection c, boolean postgres) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS embedding_metadata_array (id "
                    + (postgres ? "bigint" : "INTEGER") + " NOT NULL REFERENCES embeddings (id) ON DELETE CASCADE,"
                    + " key TEXT NOT NULL, ord INTEGER NOT NULL, string_value TEXT, int_value "
                    + (postgres ? "bigint" : "INTEGER") + ", float_value " + (postgres ? "double precision" : "REAL")
                    + ", bool_value " + (postgres ? "boolean" : "INTEGER") + ", PRIMARY KEY (id, key, ord))");
        }
        long rowId = 100;
        for (JsonNode record : RECORDS) {
            rowId += 7;   // row ids unlike the ordinal, so a join on the wrong column shows
            insert(c, "INSERT INTO embeddings (id, segment_id, embedding_id, seq_id) VALUES (?, 'seg', ?, ?)",
                    rowId, record.get("id").asText(), rowId);
            if (!record.get("document").isNull()) {
                insert(c, "INSERT INTO embedding_fulltext_search (rowid, string_value) VALUES (?, ?)",
                        rowId, record.get("document").asText());
            }
            Iterator<Map.Entry<String, JsonNode>> fields = record.get("metadata").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                metadata(c, postgres, rowId, field.getKey(), field.getValue());
            }
        }
    }

    private static void metadata(Connection c, boolean postgres, long id, String key, JsonNode value) throws SQLException {
        if (!value.isArray()) {
            insert(c, "INSERT INTO embedding_metadata (id, key, string_value, int_value, float_value, bool_value)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", row(postgres, id, key, value));
            return;
        }
        for (int ord = 0; ord < value.size(); ord++) {
            List<Object> row = new ArrayList<>(Arrays.asList(row(postgres, id, key, value.get(ord))));
            row.add(2, ord);
            insert(c, "INSERT INTO embedding_metadata_array (id, key, ord, string_value, int_value, float_value,"
                    + " bool_value) VALUES (?, ?, ?, ?, ?, ?, ?)", row.toArray());
        }
    }

    private static Object[] row(boolean postgres, long id, String key, JsonNode v) {
        Object bool = v.isBoolean() ? (postgres ? (Object) v.booleanValue() : (Object) (v.booleanValue() ? 1 : 0)) : null;
        return new Object[] {id, key, v.isTextual() ? v.textValue() : null,
                v.isIntegralNumber() ? v.longValue() : null, v.isFloatingPointNumber() ? v.doubleValue() : null, bool};
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
