package io.godwit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The CI gate: exit 0 only when current, otherwise the problem's code and one line. */
class ValidateCommandTest {
    @TempDir
    Path dir;
    Path app;
    Path db;

    @BeforeEach
    void migratedWithACustomSubsystem() throws Exception {
        app = dir.resolve("app");
        Fixtures.write(app, "00001-notes.sqlite.sql", "CREATE TABLE notes (id INTEGER);");
        Fixtures.write(app, "00002-tags.sqlite.sql", "CREATE TABLE tags (name TEXT);");
        db = dir.resolve("g.sqlite3");
        assertThat(validate().exitCode()).isEqualTo(3); // before: uninitialized
        assertThat(run("migrate", "--db", db.toString(), "--migrations-dir", "app=" + app).exitCode()).isZero();
    }

    @Test
    void currentExitsZeroAndWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(db);

        CliRunner.Result r = validate();

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Database " + db.toAbsolutePath() + " is current" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void pendingExitsThree() throws Exception {
        Fixtures.write(app, "00003-links.sqlite.sql", "CREATE TABLE links (href TEXT);");

        CliRunner.Result r = validate();

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("godwit: Unapplied migrations in app, starting with version 3");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingDatabaseExitsThreeAndIsNotCreated() {
        Path missing = dir.resolve("missing.sqlite3");

        CliRunner.Result r = run("validate", "--db", missing.toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("godwit: Migrations have not been initialized");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aModifiedFileExitsFour() throws Exception {
        Files.writeString(app.resolve("00002-tags.sqlite.sql"), "CREATE TABLE tags (name TEXT NOT NULL);");

        CliRunner.Result r = validate();

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.errLines()).singleElement().asString().startsWith("godwit: Inconsistent hashes in app/00002-tags.sqlite.sql");
    }

    @Test
    void aRemovedFileMakesTheDatabaseAheadAndExitsFour() throws Exception {
        Files.delete(app.resolve("00002-tags.sqlite.sql"));

        CliRunner.Result r = validate();

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).startsWith("godwit: Database is ahead of this code in app");
    }

    @Test
    void aBadFileNameExitsSeven() throws Exception {
        Fixtures.write(app, "3-links.sql", "CREATE TABLE links (href TEXT);");

        CliRunner.Result r = validate();

        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.errLines()).singleElement().asString().startsWith("godwit: Bad migration file name app/3-links.sql");
    }

    @Test
    void aDuplicateVersionExitsSeven() throws Exception {
        Fixtures.write(app, "00002-other.sqlite.sql", "CREATE TABLE other (x TEXT);");

        assertThat(validate().exitCode()).isEqualTo(7);
    }

    @Test
    void anUnknownHashAlgorithmExitsSeven() {
        CliRunner.Result r = run("validate", "--db", db.toString(), "--migrations-dir", "app=" + app, "--hash", "sha512");

        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.err()).startsWith("godwit: Unknown hash algorithm 'sha512'");
    }

    @Test
    void jsonGivesTheVerdictOnStdoutAndTheLineOnStderr() throws Exception {
        CliRunner.Result ok = run("validate", "--db", db.toString(), "--migrations-dir", "app=" + app, "--json");
        assertThat(ok.exitCode()).isZero();
        JsonNode current = Fixtures.json(ok.out());
        assertThat(current.get("current").asBoolean()).isTrue();
        assertThat(current.get("problem").isNull()).isTrue();
        assertThat(current.get("database").asText()).isEqualTo(db.toAbsolutePath().toString());

        Fixtures.write(app, "00003-links.sqlite.sql", "CREATE TABLE links (href TEXT);");
        CliRunner.Result pending = run("validate", "--db", db.toString(), "--migrations-dir", "app=" + app, "--json");
        assertThat(pending.exitCode()).isEqualTo(3);
        JsonNode notCurrent = Fixtures.json(pending.out());
        assertThat(notCurrent.get("current").asBoolean()).isFalse();
        assertThat(notCurrent.get("problem").get("type").asText()).isEqualTo("UnappliedMigrationsError");
        assertThat(notCurrent.get("problem").get("exit_code").asInt()).isEqualTo(3);
        assertThat(pending.errLines()).singleElement().asString().startsWith("godwit: Unapplied migrations in app");
    }

    private CliRunner.Result validate() {
        return run("validate", "--db", db.toString(), "--migrations-dir", "app=" + app);
    }
}
