package io.godwit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A migration author's slips, as the command line shows them: misnamed files refused, empty ones warned. */
class AuthorMistakesTest {
    @TempDir
    Path dir;

    @Test
    void aMisspelledFileIsABadSourceAndValidateDoesNotSayCurrent() throws Exception {
        Path m = dir.resolve("m");
        Fixtures.write(m, "00001-first.sqlite.sql", "CREATE TABLE a (x INTEGER);");
        Path db = dir.resolve("g.sqlite3");
        assertThat(run("migrate", "--db", db.toString(), "--no-builtin", "--migrations-dir", "a=" + m).exitCode()).isZero();
        Fixtures.write(m, "00002-second.sqlit.sql", "CREATE TABLE b (x INTEGER);");

        CliRunner.Result r = run("validate", "--db", db.toString(), "--no-builtin", "--migrations-dir", "a=" + m);

        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.err()).contains("a/00002-second.sqlit.sql", "sqlite and postgresql");
    }

    @Test
    void emptyMigrationsAreWarnedAtPlanAndApplyAndShownInStatus() throws Exception {
        Path m = dir.resolve("m");
        Fixtures.write(m, "00001-first.sqlite.sql", "-- nothing yet\n");
        String[] options = {"--db", dir.resolve("g.sqlite3").toString(), "--no-builtin", "--migrations-dir", "a=" + m};

        assertThat(run(concat("plan", options)).out()).contains("a/00001-first.sqlite.sql  [WARNING: empty");
        assertThat(run(concat("status", options)).out()).contains("00001-first.sqlite.sql  [WARNING: empty");
        CliRunner.Result migrate = run(concat("migrate", options));
        assertThat(migrate.exitCode()).isZero();
        assertThat(migrate.out()).contains("Applied a/00001-first.sqlite.sql in").contains("[WARNING: empty");
    }

    private static String[] concat(String command, String[] options) {
        String[] all = new String[options.length + 1];
        all[0] = command;
        System.arraycopy(options, 0, all, 1, options.length);
        return all;
    }
}
