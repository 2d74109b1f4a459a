package io.godwit.cli;

import io.godwit.dialect.sqlite.SqliteDatabase;
import io.godwit.spi.MigrationLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

class MigrateCommandTest {
    @TempDir
    Path dir;

    @Test
    void appliesTheBuiltinSubsystemsAndSaysWhatItApplied() throws Exception {
        CliRunner.Result r = run("migrate", "--path", dir.resolve("data").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.matches("Applied \\w+/\\d{5}-.*\\.(sqlite\\.sql|java) in \\d+(\\.\\d)? m?s")))
                .hasSize(Fixtures.BUILTIN_COUNT);
        assertThat(r.out()).startsWith("Applied sysdb/00001-collections.sqlite.sql in ")
                .containsSubsequence("sysdb/00007", "embeddings_queue/00001", "metadb/00005")
                .contains("Applied " + Fixtures.BUILTIN_COUNT + " migrations in ");
        Path db = dir.resolve("data").resolve("godwit.sqlite3");
        assertThat(Fixtures.tableExists(db, "collections")).isTrue();
        assertThat(Fixtures.tableExists(db, "embeddings_queue")).isTrue();
    }

    @Test
    void aSecondRunHasNothingToApplyAndLeavesTheFileByteIdentical() throws Exception {
        Path db = dir.resolve("g.sqlite3");
        assertThat(run("migrate", "--db", db.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(db);

        CliRunner.Result r = run("migrate", "--db", db.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Database is current: nothing to apply" + System.lineSeparator());
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aJdbcUrlNamesTheDatabaseToo() throws Exception {
        Path db = dir.resolve("by-url.sqlite3");

        CliRunner.Result r = run("migrate", "--url", "jdbc:sqlite:" + db);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Fixtures.tableExists(db, "collections")).isTrue();
        assertThat(run("validate", "--db", db.toString()).exitCode()).isZero();
    }

    @Test
    void aCustomMigrationsDirIsAppliedAfterTheBuiltinOnes() throws Exception {
        Path app = dir.resolve("app");
        Fixtures.write(app, "00001-notes.sqlite.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);");
        Fixtures.write(app, "00002-tags.sqlite.sql", "CREATE TABLE tags (name TEXT);");
        Fixtures.write(app, "README.md", "ignored: not a .sql file");
        Path db = dir.resolve("g.sqlite3");

        CliRunner.Result r = run("migrate", "--db", db.toString(), "--migrations-dir", "app=" + app);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsSubsequence("metadb/00004", "app/00001-notes.sqlite.sql", "app/00002-tags.sqlite.sql",
                "Applied " + (Fixtures.BUILTIN_COUNT + 2) + " migrations");
        assertThat(Fixtures.tableExists(db, "notes")).isTrue();
        assertThat(Fixtures.tableExists(db, "tags")).isTrue();
    }

    @Test
    void noBuiltinAppliesOnlyTheCustomSubsystems() throws Exception {
        Path app = dir.resolve("app");
        Fixtures.write(app, "00001-notes.sqlite.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY);");
        Path db = dir.resolve("g.sqlite3");

        CliRunner.Result r = run("migrate", "--db", db.toString(), "--no-builtin", "--migrations-dir", "app=" + app);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Applied app/00001-notes.sqlite.sql").contains("Applied 1 migration in ")
                .doesNotContain("sysdb");
        assertThat(Fixtures.tableExists(db, "collections")).isFalse();
    }

    @Test
    void modeValidateOnAMissingDatabaseFailsAndCreatesNothing() {
        Path data = dir.resolve("data");

        CliRunner.Result r = run("migrate", "--path", data.toString(), "--mode", "validate");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines()).singleElement().asString().startsWith("godwit: Migrations have not been initialized");
        assertThat(data).doesNotExist();
    }

    @Test
    void modeNoneChecksNothingAndCreatesNothing() {
        Path db = dir.resolve("g.sqlite3");

        CliRunner.Result r = run("migrate", "--db", db.toString(), "--mode", "NONE");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Mode none");
        assertThat(db).doesNotExist();
    }

    @Test
    void theModeVariableOverridesTheDefaultAndTheFlagOverridesTheVariable() {
        Path db = dir.resolve("g.sqlite3");
        Map<String, String> env = Map.of("GODWIT_MIGRATIONS", "validate");

        CliRunner.Result byVariable = run(env, "migrate", "--db", db.toString());
        assertThat(byVariable.exitCode()).isEqualTo(3);
        assertThat(db).doesNotExist();

        CliRunner.Result byFlag = run(env, "migrate", "--db", db.toString(), "--mode", "apply");
        assertThat(byFlag.exitCode()).as(byFlag.err()).isZero();
        assertThat(byFlag.out()).contains("Applied " + Fixtures.BUILTIN_COUNT + " migrations");
    }

    @Test
    void theHashVariableOverridesTheDefaultAndTheFlagOverridesTheVariable() throws Exception {
        Path db = dir.resolve("g.sqlite3");
        Map<String, String> env = Map.of("GODWIT_MIGRATIONS_HASH_ALGORITHM", "sha256");

        assertThat(run(env, "migrate", "--db", db.toString()).exitCode()).isZero();
        assertThat(Fixtures.historyHashes(db)).hasSize(Fixtures.BUILTIN_COUNT).allMatch(h -> h.length() == 64);
        assertThat(run(env, "validate", "--db", db.toString()).exitCode()).isZero();

        CliRunner.Result md5 = run(env, "validate", "--db", db.toString(), "--hash", "md5");
        assertThat(md5.exitCode()).isEqualTo(4);
        assertThat(md5.err()).startsWith("godwit: Inconsistent hashes in sysdb/00001-collections.sqlite.sql");
    }

    @Test
    void aFailingMigrationExitsFiveWithOneLineAndRollsTheRunBack() throws Exception {
        Path app = dir.resolve("app");
        Fixtures.write(app, "00001-ok.sqlite.sql", "CREATE TABLE ok (id INTEGER);");
        Fixtures.write(app, "00002-broken.sqlite.sql", "CREATE TABLE fine (id INTEGER);\nINSERT INTO nowhere VALUES (1);");
        Path db = dir.resolve("g.sqlite3");

        CliRunner.Result r = run("migrate", "--db", db.toString(), "--no-builtin", "--migrations-dir", "app=" + app);

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("godwit: Migration app/00002-broken.sqlite.sql (version 2) failed at statement 2 (line 2)")
                .contains("no such table: nowhere").contains("rolled back");
        assertThat(r.out()).doesNotContain("Applied");
        assertThat(db).doesNotExist();
    }

    @Test
    void verbosePrintsTheStackTraceToo() throws Exception {
        Path app = dir.resolve("app");
        Fixtures.write(app, "00001-broken.sqlite.sql", "INSERT INTO nowhere VALUES (1);");

        CliRunner.Result r = run("migrate", "--db", dir.resolve("g.sqlite3").toString(), "--no-builtin",
                "--migrations-dir", "app=" + app, "--verbose");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).startsWith("godwit: Migration app/00001-broken.sqlite.sql")
                .contains("io.godwit.MigrationFailedError").contains("\tat io.godwit.");
    }

    @Test
    void aLockHeldTooLongExitsSixNamingTheHolder() throws Exception {
        Path db = dir.resolve("g.sqlite3");
        SqliteDatabase holder = new SqliteDatabase(db, Duration.ofSeconds(1));
        try (java.sql.Connection c = holder.openForWriting(); MigrationLock held = holder.lock(c, Duration.ofSeconds(5))) {
            CliRunner.Result r = run("migrate", "--db", db.toString(), "--lock-timeout", "1");

            assertThat(r.exitCode()).isEqualTo(6);
            assertThat(r.errLines()).singleElement().asString().startsWith("godwit: Could not get the migration lock")
                    .contains("held by");
        }
        assertThat(run("migrate", "--db", db.toString()).exitCode()).isZero();
    }
}
