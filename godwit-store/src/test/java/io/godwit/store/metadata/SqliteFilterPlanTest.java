package io.godwit.store.metadata;

import io.godwit.Godwit;
import io.godwit.store.BuiltinSubsystems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every filter of the table reaches the metadata tables through an index on SQLite (the partial
 * value indexes of metadb 00006 included): the plan of the store's filtered select, on the filter table's
 * seeded data, never scans {@code embedding_metadata} or {@code embedding_metadata_array}
 * whole. A filter that falls back to a scan still answers right but reads every value of the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqliteFilterPlanTest {
    @TempDir
    static Path temp;
    private Connection connection;

    @BeforeAll
    void seed() throws Exception {
        Path file = temp.resolve("plans.sqlite3");
        Godwit.configure().sqlite(file).subsystems(BuiltinSubsystems.all()).load().migrate();
        connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        RecordFilter.registerFunctions(connection);
        FilterDataset.seed(connection, false);
    }

    static List<FilterCase> cases() {
        return FilterCase.ALL.stream().filter(c -> c.error() == null).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noFilterScansAMetadataTable(FilterCase c) throws SQLException {
        RecordFilter filter = RecordFilter.parse(c.whereMap(), c.whereDocumentMap());
        List<Object> params = new ArrayList<>();
        params.add("segment");
        String sql = "EXPLAIN QUERY PLAN SELECT e.id FROM embeddings e WHERE e.segment_id = ? AND ("
                + filter.sql(false, params) + ") ORDER BY e.id";
        List<String> plan = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString("detail"));
                }
            }
        }
        assertThat(plan).as(String.join("\n", plan))
                .noneMatch(line -> line.matches("SCAN (embedding_metadata|embedding_metadata_array)\\b.*"))
                .noneMatch(line -> line.equals("SCAN e") || line.startsWith("SCAN e "));
    }
}
