package io.godwit.store.local;

import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.GodwitClient;
import io.godwit.store.Include;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A get by ids on a real SQLite file reads what it must through indexes only: the statements
 * {@link RecordRows#get} and {@link MetadataLoad} run, under EXPLAIN QUERY PLAN, find the rows through
 * the covering {@code (segment_id, embedding_id)} index (no walk of the segment, no read of the
 * records' vectors), the documents by key and the metadata through the {@code (id, key)} key, with
 * no sort. And the one-column read of metadata values (SQLite's fold of the four typed columns)
 * gives every type back as written.
 */
class SqliteGetPlanTest {
    @TempDir
    Path dir;

    @Test
    void getByIdsUsesTheCoveringIndexAndKeyLookups() throws SQLException {
        String segment;
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection c = client.createCollection("plans");
            c.add(RecordBatch.of(List.of("a", "b", "c"))
                    .embeddings(List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1})).documents(List.of("one", "two", "three"))
                    .metadatas(List.of(Map.of("k", 1), Map.of("k", 2), Map.of("k", 3))));
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("godwit.sqlite3"))) {
            segment = Jdbc.stringValue(db, "SELECT DISTINCT segment_id FROM embeddings");
            List<String> byIds = plan(db, RecordRows.byIdsSql(false, Include.getDefault(), 2), segment,
                    InList.params(false, List.of("a", "c")).get(0));
            assertThat(byIds).as(String.join("\n", byIds))
                    .contains("SEARCH e USING COVERING INDEX sqlite_autoindex_embeddings_1 (segment_id=? AND embedding_id=?)")
                    .contains("SEARCH f USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN")
                    .noneMatch(line -> line.startsWith("SCAN e") || line.startsWith("SCAN f") || line.contains("TEMP B-TREE"));
            for (boolean arrays : new boolean[] {false, true}) {
                String table = arrays ? "embedding_metadata_array" : "embedding_metadata";
                List<String> metadata = plan(db, MetadataLoad.sql(false, arrays, 2), InList.params(false, List.of(1L, 3L)).get(0));
                assertThat(metadata).as(String.join("\n", metadata))
                        .anyMatch(line -> line.startsWith("SEARCH " + table + " USING INDEX sqlite_autoindex_" + table + "_1 (id=?)"))
                        .noneMatch(line -> line.startsWith("SCAN " + table) || line.contains("TEMP B-TREE"));
            }
        }
    }

    @Test
    void everyMetadataTypeReadsBackAsWritten() {
        Map<String, Object> scalars = Map.of("int", 5L, "integral float", 5.0, "float", -1.5e300, "tiny", 4.9e-324,
                "big", Long.MAX_VALUE, "yes", true, "no", false, "text", "Ünïcode ✓ 😀", "empty", "");
        Map<String, Object> arrays = Map.of("flags", List.of(true, false), "floats", List.of(1.0, 2.5),
                "ints", List.of(-1L, 0L), "words", List.of("x", "ÿ"));
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection c = client.createCollection("types");
            c.add(RecordBatch.of(List.of("s", "a")).embeddings(List.of(new float[] {1, 0}, new float[] {0, 1})).metadatas(List.of(scalars, arrays)));
            GetResult r = c.get(GetRequest.ids("a", "s"));
            assertThat(r.metadatas().get(0)).isEqualTo(scalars);
            assertThat(r.metadatas().get(1)).isEqualTo(arrays);
            assertThat(r.metadatas().get(0).get("integral float")).isInstanceOf(Double.class);
            assertThat(r.metadatas().get(0).get("int")).isInstanceOf(Long.class);
        }
    }

    private static List<String> plan(Connection db, String sql, Object... params) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString("detail"));
                }
            }
        }
        return plan;
    }
}
