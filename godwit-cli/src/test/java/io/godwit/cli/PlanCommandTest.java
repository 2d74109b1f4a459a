package io.godwit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A dry run: what migrate would do, file by file, and nothing changed. */
class PlanCommandTest {
    @TempDir
    Path dir;

    @Test
    void sqlShowsEveryFileWithItsSqlAndCreatesNoDatabase() {
        Path data = dir.resolve("data");

        CliRunner.Result r = run("plan", "--path", data.toString(), "--sql");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Plan for " + data.resolve("godwit.sqlite3").toAbsolutePath() + ": "
                        + Fixtures.BUILTIN_COUNT + " migrations to apply")
                .containsSubsequence("  sysdb/00001-collections.sqlite.sql", "      CREATE TABLE",
                        "  metadb/00005-record-store.sqlite.sql");
        assertThat(data).doesNotExist();
    }

    @Test
    void withoutSqlOnlyTheFilesAreListed() {
        CliRunner.Result r = run("plan", "--db", dir.resolve("g.sqlite3").toString());

        assertThat(r.out()).contains("  sysdb/00001-collections.sqlite.sql").doesNotContain("CREATE TABLE");
    }

    @Test
    void onAnExistingDatabaseOnlyThePendingFileIsPlannedAndTheBytesStayTheSame() throws Exception {
        Path app = dir.resolve("app");
        Fixtures.write(app, "00001-notes.sqlite.sql", "CREATE TABLE notes (id INTEGER);");
        Path db = dir.resolve("g.sqlite3");
        assertThat(run("migrate", "--db", db.toString(), "--migrations-dir", "app=" + app).exitCode()).isZero();
        Fixtures.write(app, "00002-tags.sqlite.sql", "-- godwit:confirm rebuilds the tag index\nCREATE TABLE tags (name TEXT);");
        byte[] before = Files.readAllBytes(db);

        CliRunner.Result r = run("plan", "--db", db.toString(), "--migrations-dir", "app=" + app, "--sql");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(": 1 migration to apply")
                .contains("  app/00002-tags.sqlite.sql  [needs --confirm: rebuilds the tag index]")
                .contains("      CREATE TABLE tags (name TEXT);")
                .doesNotContain("sysdb/");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(Fixtures.tableExists(db, "tags")).isFalse();
    }

    @Test
    void aCurrentDatabaseHasNothingToApply() {
        Path db = dir.resolve("g.sqlite3");
        assertThat(run("migrate", "--db", db.toString()).exitCode()).isZero();

        CliRunner.Result r = run("plan", "--db", db.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("is current: nothing to apply");
    }

    @Test
    void jsonListsTheMigrationsWithTheirSqlOnlyWhenAskedFor() throws Exception {
        Path db = dir.resolve("g.sqlite3");

        JsonNode withSql = Fixtures.json(run("plan", "--db", db.toString(), "--json", "--sql").out());
        JsonNode withoutSql = Fixtures.json(run("plan", "--db", db.toString(), "--json").out());

        assertThat(withSql.get("database").asText()).isEqualTo(db.toAbsolutePath().toString());
        assertThat(withSql.get("count").asInt()).isEqualTo(Fixtures.BUILTIN_COUNT);
        JsonNode first = withSql.get("migrations").get(0);
        assertThat(first.get("subsystem").asText()).isEqualTo("sysdb");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("filename").asText()).isEqualTo("00001-collections.sqlite.sql");
        assertThat(first.get("description").asText()).isEqualTo("collections");
        assertThat(first.get("no_transaction").asBoolean()).isFalse();
        assertThat(first.get("confirm_reason").isNull()).isTrue();
        assertThat(first.get("attention").isNull()).isTrue();
        assertThat(first.get("sql").asText()).contains("CREATE TABLE");
        assertThat(withoutSql.get("migrations").get(0).has("sql")).isTrue();
        assertThat(withoutSql.get("migrations").get(0).get("sql").isNull()).isTrue();
        assertThat(db).doesNotExist();
    }

    @Test
    void targetAndOnlyNarrowThePlan() throws Exception {
        CliRunner.Result r = run("plan", "--db", dir.resolve("g.sqlite3").toString(), "--json",
                "--only", "sysdb", "--target", "sysdb=2");

        JsonNode plan = Fixtures.json(r.out());
        assertThat(plan.get("count").asInt()).isEqualTo(2);
        assertThat(plan.get("migrations").get(1).get("filename").asText()).isEqualTo("00002-segments.sqlite.sql");
    }
}
