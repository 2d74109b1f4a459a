package io.godwit.dialect.postgresql;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.Resolution;
import io.godwit.contract.MigrationFolder;
import io.godwit.spi.MigrationLock;
import io.godwit.testing.JavaProcess;
import io.godwit.testing.MigrateProcess;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.godwit.dialect.postgresql.PostgresDatabaseTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real JVMs racing for, and dying inside, a migration of one PostgreSQL schema. */
class PostgresProcessTest {
    private static final String SLEEP = "SELECT pg_sleep(600)";

    @TempDir
    Path temp;
    private TestDatabase pg;

    @BeforeEach
    void setUp() {
        pg = TestPostgres.get().createDatabase();
    }

    private String target(String schema) {
        return "postgresql:" + pg.url() + "|" + pg.user() + "|" + pg.password() + "|" + schema;
    }

    private GodwitConfiguration.Builder configure(String schema, MigrationFolder alpha) {
        return Godwit.configure().url(pg.url()).user(pg.user()).password(pg.password()).schema(schema)
                .subsystem("alpha", alpha.dir()).lockTimeout(Duration.ofSeconds(60));
    }

    private List<String> query(String sql) throws Exception {
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            return rows(st, sql);
        }
    }

    @Test
    void sixteenProcessesStartingAtOnceApplyEveryMigrationExactlyOnce() throws Exception {
        MigrationFolder alpha = new MigrationFolder(temp.resolve("alpha"), "postgresql");
        MigrationFolder beta = new MigrationFolder(temp.resolve("beta"), "postgresql");
        alpha.add(1, "log", "CREATE TABLE applied_log (migration text NOT NULL);\nINSERT INTO applied_log VALUES ('alpha/1');");
        alpha.add(2, "big", "CREATE TABLE big (n integer);\nINSERT INTO applied_log VALUES ('alpha/2');");
        alpha.add(3, "fill", "INSERT INTO big SELECT generate_series(1, 200000);\nINSERT INTO applied_log VALUES ('alpha/3');");
        // Outside a transaction, its 'running' state is visible to the others while it runs: they must wait.
        alpha.add(4, "index", "-- godwit:no-transaction\nCREATE INDEX CONCURRENTLY big_n_idx ON big (n);\n"
                + "SELECT pg_sleep(3);\nINSERT INTO applied_log VALUES ('alpha/4');");
        alpha.add(5, "more", "ALTER TABLE big ADD COLUMN m integer;\nINSERT INTO applied_log VALUES ('alpha/5');");
        beta.add(1, "notes", "CREATE TABLE notes (id integer);\nINSERT INTO applied_log VALUES ('beta/1');");
        beta.add(2, "seed", "INSERT INTO notes VALUES (1);\nINSERT INTO applied_log VALUES ('beta/2');");

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            processes.add(JavaProcess.start(MigrateProcess.class,
                    List.of(target("racing"), "alpha=" + alpha.dir(), "beta=" + beta.dir())));
        }
        List<String> results = new ArrayList<>();
        for (Process p : processes) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            results.add(out.lines().filter(l -> l.startsWith("APPLIED")).findFirst().orElse(out));
        }

        assertThat(results).filteredOn("APPLIED 7"::equals).hasSize(1);
        assertThat(results).filteredOn("APPLIED 0"::equals).hasSize(15);
        assertThat(query("SELECT migration, count(*) FROM racing.applied_log GROUP BY migration ORDER BY migration"))
                .containsExactly("alpha/1|1", "alpha/2|1", "alpha/3|1", "alpha/4|1", "alpha/5|1", "beta/1|1", "beta/2|1");
        assertThat(query("SELECT dir || '/' || version || ' ' || s.state FROM racing.migrations"
                + " JOIN racing.godwit_migrations s USING (dir, version) ORDER BY 1"))
                .containsExactly("alpha/1 applied", "alpha/2 applied", "alpha/3 applied", "alpha/4 applied",
                        "alpha/5 applied", "beta/1 applied", "beta/2 applied");
        assertThat(Godwit.configure().url(pg.url()).user(pg.user()).password(pg.password()).schema("racing")
                .subsystem("alpha", alpha.dir()).subsystem("beta", beta.dir()).load().status().current()).isTrue();
        assertThat(query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).containsExactly("0");
    }

    @Test
    void aMigratorKilledMidMigrationReleasesTheLockAndLeavesTheOldVersion() throws Exception {
        MigrationFolder alpha = new MigrationFolder(temp.resolve("alpha"), "postgresql");
        alpha.add(1, "big", "CREATE TABLE big (n integer);\nINSERT INTO big VALUES (-1);");
        configure("app", alpha).load().migrate();
        alpha.add(2, "fill", "CREATE TABLE marker (x integer);\nINSERT INTO big SELECT generate_series(1, 100000);\n" + SLEEP + ";");
        alpha.add(3, "after", "CREATE TABLE after_fill (x integer);");

        int backend = killWhileSleeping(alpha, "Applying alpha/00002-fill");

        PostgresDatabase db = new PostgresDatabase(pg.url(), pg.user(), pg.password(), "app");
        try (Connection c = db.openForWriting(); MigrationLock lock = db.lock(c, Duration.ofSeconds(60));
             Statement st = c.createStatement()) {
            assertThat(rows(st, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + backend))
                    .as("the server ended the dead migrator's session").containsExactly("0");
            assertThat(rows(st, "SELECT version FROM migrations")).containsExactly("1");
            assertThat(rows(st, "SELECT count(*) FROM big")).containsExactly("1");
            assertThat(rows(st, "SELECT to_regclass('app.marker') IS NULL AND to_regclass('app.after_fill') IS NULL"))
                    .containsExactly("t");
        }
        alpha.add(2, "fill", "CREATE TABLE marker (x integer);\nINSERT INTO big SELECT generate_series(1, 100000);");
        assertThat(configure("app", alpha).load().migrate().applied()).extracting(a -> a.version()).containsExactly(2, 3);
        assertThat(query("SELECT count(*) FROM app.big")).containsExactly("100001");
    }

    @Test
    void aMigratorKilledInANoTransactionMigrationLeavesItNeedingAttention() throws Exception {
        MigrationFolder alpha = new MigrationFolder(temp.resolve("alpha"), "postgresql");
        alpha.add(1, "items", "CREATE TABLE items (x integer);");
        configure("app", alpha).load().migrate();
        alpha.add(2, "half", "-- godwit:no-transaction\nCREATE TABLE half (x integer);\n" + SLEEP + ";");

        killWhileSleeping(alpha, "Applying alpha/00002-half");

        assertThat(configure("app", alpha).load().status().subsystems().get(0).pending().get(0).attention())
                .contains("state: running").contains("godwit resolve --retry alpha/2");
        assertThatThrownBy(() -> configure("app", alpha).load().migrate()).isInstanceOf(GodwitException.class)
                .hasMessageContaining("godwit resolve --retry alpha/2");
        assertThat(query("SELECT to_regclass('app.half') IS NOT NULL")).as("what ran before the kill stays").containsExactly("t");

        alpha.add(2, "half", "-- godwit:no-transaction\nCREATE TABLE IF NOT EXISTS half (x integer);");
        configure("app", alpha).load().resolve("alpha", 2, Resolution.RETRY);
        assertThat(configure("app", alpha).load().migrate().applied()).extracting(a -> a.version()).containsExactly(2);
    }

    /**
     * Starts a migrator, waits for its log line and then for its session to be inside
     * {@code pg_sleep}, and kills it with SIGKILL. Returns the dead migrator's backend pid.
     */
    private int killWhileSleeping(MigrationFolder alpha, String logLine) throws Exception {
        Process p = JavaProcess.start(MigrateProcess.class, List.of(target("app"), "alpha=" + alpha.dir()));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.contains(logLine)) {
                // wait until the long migration has started
            }
            assertThat(line).as("the migrator reached the long migration").isNotNull();
            List<String> sleeping = List.of();
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                 sleeping.isEmpty() && System.nanoTime() < deadline; Thread.sleep(50)) {
                sleeping = query("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND application_name = 'godwit' AND state = 'active' AND query = '" + SLEEP + "'");
            }
            assertThat(sleeping).as("the migrator's session runs the long statement").hasSize(1);
            return Integer.parseInt(sleeping.get(0));
        } finally {
            p.destroyForcibly(); // SIGKILL
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
