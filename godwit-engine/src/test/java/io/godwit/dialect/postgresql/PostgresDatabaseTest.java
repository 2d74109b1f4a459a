package io.godwit.dialect.postgresql;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.LockTimeoutError;
import io.godwit.StatusReport;
import io.godwit.UninitializedMigrationsError;
import io.godwit.contract.MigrationFolder;
import io.godwit.spi.MigrationLock;
import io.godwit.testing.PostgresSnapshot;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only PostgreSQL has: schemas, session characteristics, the advisory lock and its holder, its own SQL. */
class PostgresDatabaseTest {
    @TempDir
    Path temp;
    private TestDatabase pg;
    private MigrationFolder alpha;

    @BeforeEach
    void setUp() {
        pg = TestPostgres.get().createDatabase();
        alpha = new MigrationFolder(temp.resolve("alpha"), "postgresql");
    }

    private PostgresDatabase database(String schema) {
        return new PostgresDatabase(pg.url(), pg.user(), pg.password(), schema);
    }

    private GodwitConfiguration.Builder configure(String schema) {
        return Godwit.configure().url(pg.url()).user(pg.user()).password(pg.password()).schema(schema)
                .subsystem("alpha", alpha.dir()).lockTimeout(Duration.ofSeconds(20));
    }

    @Test
    void theLockKeyIsStableAndDocumented() {
        // The first 8 bytes of SHA-256("godwit:public"), as the README (PostgreSQL) shows operators.
        assertThat(database("public").lockKey()).isEqualTo(PostgresAdvisoryLock.key("public"))
                .isEqualTo(0x8588be464394e4aeL).isEqualTo(-8824594260841667410L);
        assertThat(database("other").lockKey()).isNotEqualTo(database("public").lockKey());
    }

    @Test
    void connectionsAreNamedReadersAreReadOnlyAndThePasswordIsNeverDescribed() throws Exception {
        alpha.add(1, "items", "CREATE TABLE items (id integer);");
        configure("app").load().migrate();
        PostgresDatabase db = new PostgresDatabase(pg.url() + "?password=" + "s3cret-in-url", pg.user(), "s3cret", "app");

        assertThat(db.describe()).isEqualTo(pg.url() + " (schema app)").doesNotContain("s3cret");
        try (Connection c = database("app").openForReading().orElseThrow(); Statement st = c.createStatement()) {
            assertThat(single(st, "SELECT current_setting('application_name')")).isEqualTo("godwit");
            assertThat(single(st, "SELECT current_setting('search_path')")).isEqualTo("app");
            assertThatThrownBy(() -> st.execute("INSERT INTO items VALUES (1)")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("25006"));
        }
        try (Connection c = database("app").openForWriting(); Statement st = c.createStatement()) {
            assertThat(single(st, "SELECT current_setting('application_name')")).isEqualTo("godwit");
            assertThat(single(st, "SELECT current_setting('client_connection_check_interval')")).isEqualTo("1s");
        }
        PostgresDatabase named = new PostgresDatabase(pg.url() + "?ApplicationName=mine", pg.user(), pg.password(), "app");
        try (Connection c = named.openForWriting(); Statement st = c.createStatement()) {
            assertThat(single(st, "SELECT current_setting('application_name')")).as("the URL wins").isEqualTo("mine");
        }
    }

    @Test
    void twoSchemasOfOneDatabaseHoldIndependentHistories() throws Exception {
        alpha.add(1, "items", "CREATE TABLE items (id integer PRIMARY KEY, name text);");
        alpha.add(2, "seed", "INSERT INTO items VALUES (1, current_schema());");
        assertThat(configure("tenant_a").target("alpha", 1).load().migrate().applied()).hasSize(1);
        assertThat(configure("tenant_b").load().migrate().applied()).hasSize(2);

        assertThat(configure("tenant_a").load().status().subsystems().get(0).pending()).extracting(p -> p.version())
                .containsExactly(2);
        assertThat(configure("tenant_b").load().status().current()).isTrue();
        assertThat(configure("tenant_a").load().migrate().applied()).hasSize(1);
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            assertThat(rows(st, "SELECT name FROM tenant_a.items UNION ALL SELECT name FROM tenant_b.items ORDER BY 1"))
                    .containsExactly("tenant_a", "tenant_b");
            assertThat(rows(st, "SELECT count(*) FROM tenant_a.migrations UNION ALL SELECT count(*) FROM tenant_b.migrations"))
                    .containsExactly("2", "2");
            assertThat(rows(st, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
        }
    }

    @Test
    void validateStatusAndPlanOnNoHistoryWriteNothingAndCreateNoSchema() throws Exception {
        alpha.add(1, "items", "CREATE TABLE items (id integer);");
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA empty_one");   // an existing schema without a history is no history either
        }
        String before = PostgresSnapshot.of(pg);

        for (String schema : List.of("absent", "empty_one")) {
            assertThatThrownBy(() -> configure(schema).load().validate()).isInstanceOf(UninitializedMigrationsError.class)
                    .hasMessageContaining("(schema " + schema + ")");
            StatusReport status = configure(schema).load().status();
            assertThat(status.initialized()).isFalse();
            assertThat(configure(schema).load().plan().migrations()).hasSize(1);
            assertThat(database(schema).openForReading()).isEmpty();
        }

        assertThat(PostgresSnapshot.of(pg)).isEqualTo(before).doesNotContain("absent");
    }

    @Test
    void dollarQuotedBodiesAndEscapeStringsApply() throws Exception {
        alpha.add(1, "functions", """
                CREATE TABLE notes (body text);
                CREATE FUNCTION add_note(t text) RETURNS integer LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO notes (body) VALUES (t || ';');  -- a semicolon inside the body
                    RETURN 1;
                END;
                $$;
                CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql AS $body$ SELECT upper(t) || '$$;' $body$;
                SELECT add_note(E'it\\'s; escaped\\n');
                INSERT INTO notes (body) VALUES (shout('quiet'));
                """);
        configure("public").load().migrate();

        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            assertThat(rows(st, "SELECT body FROM notes ORDER BY body")).containsExactly("QUIET$$;", "it's; escaped\n;");
        }
    }

    @Test
    void aHeldLockTimesOutNamingTheHolderFromPgStatActivity() throws Exception {
        alpha.add(1, "items", "CREATE TABLE items (id integer);");
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        props.setProperty("password", pg.password());
        props.setProperty("ApplicationName", "the-other-migrator");
        try (Connection holder = DriverManager.getConnection(pg.url(), props); Statement st = holder.createStatement()) {
            String pid = single(st, "SELECT pg_backend_pid()");
            single(st, "SELECT pg_advisory_lock(" + database("app").lockKey() + ")");
            String before = PostgresSnapshot.of(pg);

            assertThatThrownBy(() -> configure("app").lockTimeout(Duration.ofMillis(500)).load().migrate())
                    .isInstanceOfSatisfying(LockTimeoutError.class, e -> {
                        assertThat(e.holder()).startsWith("PostgreSQL backend pid " + pid + " (application the-other-migrator,")
                                .contains("client 127.0.0.1:").contains("connected since 20").contains("idle since 20");
                        assertThat(e.database()).isEqualTo(pg.url() + " (schema app)");
                        assertThat(e.exitCode()).isEqualTo(6);
                    }).hasMessageContaining("pid " + pid);
            assertThat(PostgresSnapshot.of(pg)).isEqualTo(before);
            // Another schema has another key: its migration does not wait.
            assertThat(configure("other").load().migrate().applied()).hasSize(1);
        }
        assertThat(configure("app").load().migrate().applied()).as("the lock ended with its session").hasSize(1);
    }

    @Test
    void lockAndUnlockUseOnlyTheMigratingSession() throws Exception {
        PostgresDatabase db = database("public");
        try (Connection c = db.openForWriting(); Statement st = c.createStatement()) {
            try (MigrationLock lock = db.lock(c, Duration.ofSeconds(5))) {
                assertThat(rows(st, "SELECT classid::bigint << 32 | objid::bigint FROM pg_locks"
                        + " WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted"))
                        .containsExactly(Long.toString(db.lockKey()));
            }
            assertThat(rows(st, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).containsExactly("0");
        }
    }

    static String single(Statement st, String sql) throws SQLException {
        return rows(st, sql).get(0);
    }

    /** Each row's columns joined with {@code |}. */
    static List<String> rows(Statement st, String sql) throws SQLException {
        return io.godwit.testing.QueryRows.read(st, sql);
    }
}
