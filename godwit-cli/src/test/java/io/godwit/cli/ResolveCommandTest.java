package io.godwit.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A no-transaction migration that failed half-way, settled from the command line. */
class ResolveCommandTest {
    @TempDir
    Path dir;
    Path app;
    String db;

    @BeforeEach
    void aFailedNoTransactionMigration() throws Exception {
        app = dir.resolve("app");
        db = dir.resolve("g.sqlite3").toString();
        Fixtures.write(app, "00001-notes.sqlite.sql", "CREATE TABLE notes (id INTEGER);");
        Fixtures.write(app, "00002-vacuum.sqlite.sql", "-- godwit:no-transaction\nCREATE TABLE half (x INTEGER);\nINSERT INTO nowhere VALUES (1);");
        assertThat(migrate().exitCode()).isEqualTo(5);
        CliRunner.Result refused = migrate();
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("`godwit resolve --db " + db + " --no-builtin --migrations-dir app=" + app + " --retry app/2`");
    }

    private CliRunner.Result migrate() {
        return run("migrate", "--db", db, "--no-builtin", "--migrations-dir", "app=" + app);
    }

    @Test
    void retryRunsTheFixedFileAgain() throws Exception {
        Fixtures.write(app, "00002-vacuum.sqlite.sql", "-- godwit:no-transaction\nCREATE TABLE IF NOT EXISTS half (x INTEGER);");

        CliRunner.Result r = run("resolve", "--db", db, "--no-builtin", "--migrations-dir", "app=" + app, "--retry", "app/2");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Cleared app/2");
        assertThat(migrate().exitCode()).isZero();
        assertThat(run("validate", "--db", db, "--no-builtin", "--migrations-dir", "app=" + app).exitCode()).isZero();
    }

    @Test
    void markAppliedRecordsItAndBadTargetsAreUsageErrors() {
        assertThat(run("resolve", "--db", db, "--no-builtin", "--migrations-dir", "app=" + app, "--mark-applied", "app/2").exitCode()).isZero();
        assertThat(run("validate", "--db", db, "--no-builtin", "--migrations-dir", "app=" + app).exitCode()).isZero();

        assertThat(run("resolve", "--db", db, "--retry", "app").exitCode()).isEqualTo(2);
        assertThat(run("resolve", "--db", db).exitCode()).isEqualTo(2);
        assertThat(run("resolve", "--db", db, "--retry", "app/1", "--mark-applied", "app/1").exitCode()).isEqualTo(2);
    }
}
