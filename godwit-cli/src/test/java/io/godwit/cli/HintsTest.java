package io.godwit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The commands a message suggests keep the options the user gave, ready to paste. */
class HintsTest {
    @TempDir
    Path dir;

    @Test
    void validateSuggestsMigrateWithTheSamePathAndMigrationsDir() throws Exception {
        Path m = dir.resolve("my migrations");
        Fixtures.write(m, "00001-a.sqlite.sql", "CREATE TABLE a (x INTEGER);");
        Path x = dir.resolve("x");

        CliRunner.Result r = run("validate", "--path", x.toString(), "--no-builtin", "--migrations-dir", "a=" + m);

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("`godwit migrate --path " + x + " --no-builtin --migrations-dir 'a=" + m + "'");
    }

    @Test
    void statusCarriesTheDbOptionIntoItsHint() {
        Path db = dir.resolve("g.sqlite3");

        CliRunner.Result r = run("status", "--db", db.toString(), "--hash", "sha256");

        assertThat(r.out()).contains("`godwit migrate --db " + db + " --hash sha256` creates it");
    }

    @Test
    void aCommandThatNamesItsOwnDatabaseIsLeftAsWritten() throws Exception {
        Path db = dir.resolve("g.sqlite3");
        CliRunner.Result r = run("status", "--db", db.toString());
        picocli.CommandLine.ParseResult parsed = GodwitCli.commandLine(java.util.Map.of(), Terminal.none())
                .parseArgs("status", "--db", db.toString());

        String text = Hints.of(parsed).apply("Run `godwit import --from old --path new` or `godwit migrate`.");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(text).isEqualTo("Run `godwit import --from old --path new` or `godwit migrate --db " + db + "`.");
    }

    @Test
    void aPendingMigrationHintAfterMigrateOfPartOfItKeepsTheOptions() throws Exception {
        Path m = dir.resolve("m");
        Fixtures.write(m, "00001-a.sqlite.sql", "CREATE TABLE a (x INTEGER);");
        Path db = dir.resolve("g.sqlite3");
        assertThat(run("migrate", "--db", db.toString(), "--no-builtin", "--migrations-dir", "app=" + m).exitCode()).isZero();
        Fixtures.write(m, "00002-b.sqlite.sql", "CREATE TABLE b (x INTEGER);");

        CliRunner.Result r = run("validate", "--db", db.toString(), "--no-builtin", "--migrations-dir", "app=" + m);

        assertThat(r.err()).contains("Run `godwit migrate --db " + db + " --no-builtin --migrations-dir app=" + m + "` to apply them");
    }
}
