package io.godwit.store.schema;

import io.godwit.AppliedMigration;
import io.godwit.GodwitConfiguration;
import io.godwit.PlannedMigration;
import io.godwit.store.BuiltinSubsystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built-in subsystems on real rows, written once and run on every dialect: they apply and end
 * current, and their data migrations carry the rows written by earlier versions.
 *
 * <p>Fixture: {@link #configure()} gives a builder over a fresh, empty database; {@link #connect()}
 * a connection to it on which unqualified names are the store's tables and foreign keys are
 * enforced, as the store's own connections do. The SQL here is valid on SQLite and PostgreSQL.
 */
abstract class BuiltinMigrationsTest {
    static final String DEFAULT_DATABASE = "00000000-0000-0000-0000-000000000000";

    @TempDir
    protected Path temp;

    /** A builder over this test's database (created on the first call), without subsystems. */
    protected abstract GodwitConfiguration.Builder database();

    /** A data connection to this test's database. */
    protected abstract Connection connect() throws SQLException;

    private GodwitConfiguration.Builder configure() {
        return database().subsystems(BuiltinSubsystems.all());
    }

    @Test
    void everyBuiltinMigrationAppliesInOrderAndTheStoreEndsCurrent() {
        List<String> planned = configure().load().plan().migrations().stream()
                .map(m -> m.subsystem() + "/" + m.version()).toList();

        List<AppliedMigration> applied = configure().load().migrate().applied();

        assertThat(applied).extracting(a -> a.subsystem() + "/" + a.version()).isEqualTo(planned)
                .startsWith("sysdb/1").contains("sysdb/4", "embeddings_queue/1", "metadb/4");
        assertThat(configure().load().status().current()).isTrue();
        configure().load().validate();
        assertThat(configure().load().migrate().applied()).isEmpty();
    }

    @Test
    void theTenantsMigrationMovesExistingCollectionsIntoTheDefaultDatabaseWithAllTheirData() throws SQLException {
        configure().target(BuiltinSubsystems.SYSDB, 3).only(BuiltinSubsystems.SYSDB).load().migrate();
        List<PlannedMigration> next = configure().load().plan().migrations();
        assertThat(next.get(0).subsystem() + "/" + next.get(0).version()).isEqualTo("sysdb/4");
        execute("INSERT INTO collections (id, name, topic, dimension) VALUES"
                        + " ('c1', 'books', 'topic-books', 3), ('c2', 'films', 'topic-films', NULL)",
                "INSERT INTO collection_metadata (collection_id, key, str_value, int_value, float_value, bool_value) VALUES"
                        + " ('c1', 'owner', 'ann', NULL, NULL, NULL), ('c1', 'year', NULL, 2001, NULL, NULL),"
                        + " ('c2', 'score', NULL, NULL, 0.5, NULL), ('c2', 'public', NULL, NULL, NULL, TRUE)",
                "INSERT INTO segments (id, type, scope, topic, collection) VALUES"
                        + " ('s1v', 'hnsw', 'VECTOR', 'topic-books', 'c1'), ('s1m', 'sqlite', 'METADATA', NULL, 'c1'),"
                        + " ('s2v', 'hnsw', 'VECTOR', 'topic-films', 'c2')",
                "INSERT INTO segment_metadata (segment_id, key, str_value, int_value) VALUES"
                        + " ('s1v', 'hnsw:space', 'cosine', NULL), ('s2v', 'hnsw:M', NULL, 16)");

        configure().load().migrate();

        assertThat(query("SELECT id, name, topic, dimension, database_id, configuration_json_str, log_position, version"
                + " FROM collections ORDER BY id")).containsExactly(
                "c1|books|topic-books|3|" + DEFAULT_DATABASE + "|{}|0|0",
                "c2|films|topic-films|null|" + DEFAULT_DATABASE + "|{}|0|0");
        assertThat(query("SELECT id FROM tenants")).containsExactly("default_tenant");
        assertThat(query("SELECT id, name, tenant_id FROM databases"))
                .containsExactly(DEFAULT_DATABASE + "|default_database|default_tenant");
        assertThat(query("SELECT collection_id, key, str_value, int_value, float_value,"
                + " CASE WHEN bool_value THEN 'true' WHEN NOT bool_value THEN 'false' END"
                + " FROM collection_metadata ORDER BY collection_id, key")).containsExactly(
                "c1|owner|ann|null|null|null", "c1|year|null|2001|null|null",
                "c2|public|null|null|null|true", "c2|score|null|null|0.5|null");
        assertThat(query("SELECT id, type, scope, topic, collection FROM segments ORDER BY id")).containsExactly(
                "s1m|sqlite|METADATA|null|c1", "s1v|hnsw|VECTOR|topic-books|c1", "s2v|hnsw|VECTOR|topic-films|c2");
        assertThat(query("SELECT segment_id, key, str_value, int_value FROM segment_metadata ORDER BY segment_id"))
                .containsExactly("s1v|hnsw:space|cosine|null", "s2v|hnsw:M|null|16");

        // Names are now unique per database, not globally; deleting a collection still cascades.
        execute("INSERT INTO databases (id, name, tenant_id) VALUES ('d2', 'second', 'default_tenant')",
                "INSERT INTO collections (id, name, topic, database_id) VALUES ('c3', 'books', 't3', 'd2')");
        assertThatThrownBy(() -> execute("INSERT INTO collections (id, name, topic) VALUES ('c4', 'books', 't4')"))
                .isInstanceOf(SQLException.class);
        execute("DELETE FROM collections WHERE id = 'c2'");
        assertThat(query("SELECT count(*) FROM segments WHERE collection = 'c2'")).containsExactly("0");
        assertThat(query("SELECT count(*) FROM collection_metadata WHERE collection_id = 'c2'")).containsExactly("0");
    }

    @Test
    void theMetadataCascadeMigrationKeepsEveryMetadataRow() throws SQLException {
        configure().target(BuiltinSubsystems.METADB, 3).load().migrate();
        execute("INSERT INTO embeddings (id, segment_id, embedding_id, seq_id) VALUES (1, 's1m', 'e1', 10), (2, 's1m', 'e2', 11)",
                "INSERT INTO embedding_metadata (id, key, string_value, int_value, float_value) VALUES"
                        + " (1, 'chroma:document', 'the quick fox', NULL, NULL), (1, 'year', NULL, 2001, NULL),"
                        + " (2, 'score', NULL, NULL, 0.25)",
                "INSERT INTO embedding_fulltext_search (rowid, string_value) VALUES (1, 'the quick fox')",
                "INSERT INTO max_seq_id (segment_id, seq_id) VALUES ('s1m', 11)");

        assertThat(configure().target(BuiltinSubsystems.METADB, 4).load().migrate().applied())
                .extracting(a -> a.subsystem() + "/" + a.version()).containsExactly("metadb/4");

        assertThat(query("SELECT id, key, string_value, int_value, float_value FROM embedding_metadata ORDER BY id, key"))
                .containsExactly("1|chroma:document|the quick fox|null|null", "1|year|null|2001|null", "2|score|null|null|0.25");
        assertThat(query("SELECT rowid, string_value FROM embedding_fulltext_search")).containsExactly("1|the quick fox");
        assertThat(query("SELECT segment_id, seq_id FROM max_seq_id")).containsExactly("s1m|11");
        execute("DELETE FROM embeddings WHERE id = 1");
        assertThat(query("SELECT id, key FROM embedding_metadata")).as("cascaded").containsExactly("2|score");
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            return io.godwit.testing.QueryRows.read(st, sql);
        }
    }
}
