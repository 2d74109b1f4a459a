package io.godwit.store.schema;

import io.godwit.Godwit;
import io.godwit.store.BuiltinSubsystems;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two scopes of the built-in subsystems describe one logical schema: at the latest version,
 * SQLite and PostgreSQL hold the same tables with the same columns in the same order, the same
 * primary keys and the same NOT NULL columns, as JDBC's {@link DatabaseMetaData} reports them. Left out are the items the SQL files document as
 * dialect-only: SQLite's internal {@code sqlite_%} tables, the FTS5 shadow tables
 * {@code embedding_fulltext_search_%} and the two hidden columns FTS5 gives its table (one named
 * after the table, and {@code rank}), which the driver lists; PostgreSQL's explicit
 * {@code embedding_fulltext_search.rowid} (SQLite's is hidden) and its generated
 * {@code string_value_tsv}.
 */
class BuiltinSchemaParityTest {
    private static final String SCHEMA = "parity";

    @TempDir
    Path temp;

    @Test
    void sqliteAndPostgresqlHoldTheSameTablesAndColumnsAtTheLatestVersion() throws SQLException {
        Path file = temp.resolve("parity.sqlite3");
        Godwit.configure().sqlite(file).subsystems(BuiltinSubsystems.all()).load().migrate();
        TestDatabase pg = TestPostgres.get().createDatabase();
        Godwit.configure().url(pg.url()).user(pg.user()).password(pg.password()).schema(SCHEMA)
                .subsystems(BuiltinSubsystems.all()).load().migrate();

        Map<String, List<String>> sqlite;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            sqlite = tables(c.getMetaData(), null, t -> !t.startsWith("sqlite_") && !t.startsWith("embedding_fulltext_search_"));
        }
        Map<String, List<String>> postgres;
        try (Connection c = pg.connect()) {
            postgres = tables(c.getMetaData(), SCHEMA, t -> true);
        }
        sqlite.get("embedding_fulltext_search").removeAll(List.of("embedding_fulltext_search", "rank"));
        postgres.get("embedding_fulltext_search").removeAll(List.of("rowid primary key", "string_value_tsv"));

        assertThat(sqlite).containsKeys("migrations", "godwit_migrations", "collections", "tenants", "databases",
                "embeddings", "embedding_metadata", "embedding_fulltext_search", "embeddings_queue");
        assertThat(sqlite.get("collections")).containsExactly("id primary key", "name not null", "topic not null",
                "dimension", "database_id not null", "configuration_json_str not null", "log_position not null",
                "version not null", "created_seq not null");
        assertThat(sqlite.get("embedding_metadata_array")).containsExactly("id primary key", "key primary key",
                "ord primary key", "string_value", "int_value", "float_value", "bool_value");
        assertThat(postgres).isEqualTo(sqlite);
    }

    /**
     * Table name to its columns in ordinal order ({@code name [primary key | not null]}), for the
     * tables the filter keeps. A key column counts as not null whatever the driver says: SQLite
     * reports a one-column key as nullable (it would even store a NULL in a non-INTEGER one).
     */
    private static Map<String, List<String>> tables(DatabaseMetaData meta, String schema, Predicate<String> keep)
            throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (keep.test(table)) {
                    tables.put(table, new ArrayList<>());
                }
            }
        }
        for (Map.Entry<String, List<String>> table : tables.entrySet()) {
            Set<String> key = new HashSet<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, table.getKey())) {
                while (rs.next()) {
                    key.add(rs.getString("COLUMN_NAME"));
                }
            }
            try (ResultSet rs = meta.getColumns(null, schema, table.getKey(), "%")) {
                while (rs.next()) {
                    String name = rs.getString("COLUMN_NAME");
                    table.getValue().add(name + (key.contains(name) ? " primary key"
                            : "NO".equals(rs.getString("IS_NULLABLE")) ? " not null" : ""));
                }
            }
        }
        return tables;
    }
}
