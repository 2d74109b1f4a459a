package io.godwit.dialect.postgresql;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.MigrationFailedError;
import io.godwit.PlannedMigration;
import io.godwit.Resolution;
import io.godwit.contract.MigrationFolder;
import io.godwit.testing.PostgresSnapshot;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static io.godwit.dialect.postgresql.PostgresDatabaseTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code -- godwit:no-transaction} with what needs it on PostgreSQL: {@code CREATE INDEX CONCURRENTLY}. */
class PostgresNoTransactionTest {
    @TempDir
    Path temp;
    private TestDatabase pg;
    private MigrationFolder alpha;

    @BeforeEach
    void setUp() {
        pg = TestPostgres.get().createDatabase();
        alpha = new MigrationFolder(temp.resolve("alpha"), "postgresql");
        alpha.add(1, "items", "CREATE TABLE items (id integer PRIMARY KEY, name text);\n"
                + "INSERT INTO items SELECT g, 'item ' || (g % 50) FROM generate_series(1, 200) g;");
    }

    private GodwitConfiguration.Builder configure() {
        return Godwit.configure().url(pg.url()).user(pg.user()).password(pg.password()).schema("app")
                .subsystem("alpha", alpha.dir()).lockTimeout(Duration.ofSeconds(20));
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            st.execute("SET search_path TO app");
            return rows(st, sql);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            st.execute("SET search_path TO app");
            st.execute(sql);
        }
    }

    private List<String> indexValidity(String index) throws SQLException {
        return query("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('app." + index + "')");
    }

    @Test
    void createIndexConcurrentlyNeedsTheDirectiveAndThenSucceeds() throws Exception {
        alpha.add(2, "name-index", "CREATE INDEX CONCURRENTLY items_name_idx ON items (name);");
        assertThatThrownBy(() -> configure().load().migrate()).isInstanceOfSatisfying(MigrationFailedError.class,
                e -> assertThat(e.databaseMessage()).contains("cannot run inside a transaction block"));

        alpha.add(2, "name-index", "-- godwit:no-transaction\nCREATE INDEX CONCURRENTLY items_name_idx ON items (name);");
        alpha.add(3, "after", "ALTER TABLE items ADD COLUMN size integer;");
        assertThat(configure().load().migrate().applied()).extracting(a -> a.version()).containsExactly(1, 2, 3);

        assertThat(indexValidity("items_name_idx")).containsExactly("t");
        assertThat(query("SELECT version, state FROM godwit_migrations ORDER BY version"))
                .containsExactly("1|applied", "2|applied", "3|applied");
        configure().load().validate();
    }

    @Test
    void aFailedConcurrentIndexNeedsAttentionUntilFixedAndRetried() throws Exception {
        alpha.add(2, "half", "-- godwit:no-transaction\nCREATE TABLE half (x integer);\n"
                + "CREATE INDEX CONCURRENTLY half_idx ON missing_table (x);");
        alpha.add(3, "after", "CREATE TABLE after_half (x integer);");

        assertThatThrownBy(() -> configure().load().migrate()).isInstanceOfSatisfying(MigrationFailedError.class, e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.statementNumber()).isEqualTo(2);
            assertThat(e.line()).isEqualTo(3);
        }).hasMessageContaining("ran outside a transaction");
        assertThat(query("SELECT to_regclass('app.half') IS NOT NULL, to_regclass('app.after_half') IS NULL"))
                .as("the first statement stays, nothing after it ran").containsExactly("t|t");
        assertThat(query("SELECT version FROM migrations")).containsExactly("1");

        PlannedMigration pending = configure().load().status().subsystems().get(0).pending().get(0);
        assertThat(pending.noTransaction()).isTrue();
        assertThat(pending.attention()).contains("state: failed").contains("godwit resolve --retry alpha/2");
        String before = PostgresSnapshot.of(pg);
        assertThatThrownBy(() -> configure().load().migrate()).isInstanceOf(GodwitException.class)
                .isNotInstanceOf(MigrationFailedError.class)
                .hasMessageContaining("`godwit resolve --retry alpha/2`")
                .hasMessageContaining("`godwit resolve --mark-applied alpha/2`");
        assertThat(PostgresSnapshot.of(pg)).isEqualTo(before);

        alpha.add(2, "half", "-- godwit:no-transaction\nCREATE TABLE IF NOT EXISTS half (x integer);\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS half_idx ON half (x);");
        configure().load().resolve("alpha", 2, Resolution.RETRY);
        assertThat(configure().load().migrate().applied()).extracting(a -> a.version()).containsExactly(2, 3);
        assertThat(indexValidity("half_idx")).containsExactly("t");
        configure().load().validate();
    }

    @Test
    void anInvalidIndexRepairedByHandIsMarkedApplied() throws Exception {
        alpha.add(2, "unique-names", "-- godwit:no-transaction\n"
                + "CREATE UNIQUE INDEX CONCURRENTLY items_name_uniq ON items (name);");
        alpha.add(3, "after", "CREATE TABLE after_unique (x integer);");

        assertThatThrownBy(() -> configure().load().migrate()).isInstanceOfSatisfying(MigrationFailedError.class,
                e -> assertThat(e.databaseMessage()).contains("could not create unique index"));
        assertThat(indexValidity("items_name_uniq")).as("half-applied: an invalid index").containsExactly("f");
        assertThat(configure().load().plan().migrations().get(0).attention()).contains("state: failed");

        // The operator removes the duplicates and rebuilds the index, then says the migration is done.
        execute("DELETE FROM items WHERE id > 50");
        execute("REINDEX INDEX CONCURRENTLY items_name_uniq");
        configure().load().resolve("alpha", 2, Resolution.MARK_APPLIED);

        assertThat(query("SELECT m.version, m.filename, s.state FROM migrations m JOIN godwit_migrations s USING (dir, version)"
                + " WHERE version = 2")).containsExactly("2|" + alpha.file(2, "unique-names") + "|applied");
        assertThat(configure().load().migrate().applied()).extracting(a -> a.version()).containsExactly(3);
        assertThat(indexValidity("items_name_uniq")).containsExactly("t");
        configure().load().validate();
    }
}
