package io.godwit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonAfterMigrateListsEveryAppliedMigrationWithItsFields() throws Exception {
        Path data = dir.resolve("data");
        assertThat(run("migrate", "--path", data.toString()).exitCode()).isZero();

        CliRunner.Result r = run("status", "--path", data.toString(), "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode status = Fixtures.json(r.out());
        assertThat(status.get("database").asText()).isEqualTo(data.resolve("godwit.sqlite3").toAbsolutePath().toString());
        assertThat(status.get("initialized").asBoolean()).isTrue();
        assertThat(status.get("current").asBoolean()).isTrue();
        assertThat(names(status)).containsExactly("sysdb", "embeddings_queue", "metadb");
        JsonNode sysdb = status.get("subsystems").get(0);
        assertThat(sysdb.get("configured").asBoolean()).isTrue();
        assertThat(sysdb.get("current").asBoolean()).isTrue();
        assertThat(sysdb.get("pending")).isEmpty();
        assertThat(sysdb.get("problem").isNull()).isTrue();
        assertThat(sysdb.get("applied")).hasSize(7);
        JsonNode first = sysdb.get("applied").get(0);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("filename").asText()).isEqualTo("00001-collections.sqlite.sql");
        assertThat(first.get("hash").asText()).matches("[0-9a-f]{32}");
        assertThat(first.get("hash_algorithm").asText()).isEqualTo("md5");
        assertThat(first.get("duration_ms").isIntegralNumber()).isTrue();
        assertThat(Instant.parse(first.get("applied_at").asText())).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void aMissingDatabaseIsReportedUninitializedWithExitThreeAndNotCreated() throws Exception {
        Path db = dir.resolve("g.sqlite3");

        CliRunner.Result r = run("status", "--db", db.toString(), "--json");

        assertThat(r.exitCode()).isEqualTo(3);
        JsonNode status = Fixtures.json(r.out());
        assertThat(status.get("initialized").asBoolean()).isFalse();
        assertThat(status.get("current").asBoolean()).isFalse();
        JsonNode pending = status.get("subsystems").get(0).get("pending");
        assertThat(pending).hasSize(7);
        assertThat(pending.get(0).get("subsystem").asText()).isEqualTo("sysdb");
        assertThat(pending.get(0).get("sql").isNull()).isTrue();
        assertThat(Fixtures.listing(dir)).isEmpty();
    }

    @Test
    void aModifiedFileIsAProblemWithExitFour() throws Exception {
        Path app = dir.resolve("app");
        Path file = Fixtures.write(app, "00001-notes.sqlite.sql", "CREATE TABLE notes (id INTEGER);");
        Path db = dir.resolve("g.sqlite3");
        assertThat(run("migrate", "--db", db.toString(), "--migrations-dir", "app=" + app).exitCode()).isZero();
        Files.writeString(file, "CREATE TABLE notes (id INTEGER, body TEXT);");

        CliRunner.Result json = run("status", "--db", db.toString(), "--migrations-dir", "app=" + app, "--json");
        CliRunner.Result text = run("status", "--db", db.toString(), "--migrations-dir", "app=" + app);

        assertThat(json.exitCode()).isEqualTo(4);
        JsonNode appStatus = Fixtures.json(json.out()).get("subsystems").get(3);
        assertThat(appStatus.get("name").asText()).isEqualTo("app");
        assertThat(appStatus.get("current").asBoolean()).isFalse();
        assertThat(appStatus.get("problem").get("type").asText()).isEqualTo("InconsistentHashError");
        assertThat(appStatus.get("problem").get("exit_code").asInt()).isEqualTo(4);
        assertThat(appStatus.get("problem").get("message").asText()).startsWith("Inconsistent hashes in app/00001-notes.sqlite.sql");
        assertThat(text.exitCode()).isEqualTo(4);
        assertThat(text.out()).contains("app: 1 applied, 0 pending, INCONSISTENT")
                .contains("  problem  InconsistentHashError: Inconsistent hashes in app/00001-notes.sqlite.sql");
    }

    @Test
    void textShowsAppliedAndPendingPerSubsystem() throws Exception {
        Path app = dir.resolve("app");
        Fixtures.write(app, "00001-notes.sqlite.sql", "CREATE TABLE notes (id INTEGER);");
        Path db = dir.resolve("g.sqlite3");
        assertThat(run("migrate", "--db", db.toString(), "--migrations-dir", "app=" + app).exitCode()).isZero();
        Fixtures.write(app, "00002-tags.sqlite.sql", "-- godwit:no-transaction\nCREATE TABLE tags (name TEXT);");

        CliRunner.Result r = run("status", "--db", db.toString(), "--migrations-dir", "app=" + app);

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).contains("sysdb: 7 applied, 0 pending, current")
                .containsPattern("  applied  00001  00001-collections\\.sqlite\\.sql  \\d{4}-\\d\\d-\\d\\dT")
                .contains("app: 1 applied, 1 pending\n")
                .contains("  pending  00002  00002-tags.sqlite.sql  [no transaction]");
    }

    /** A database whose history Chroma wrote: read as it is, never written. */
    @Test
    void readsAChromaHistoryWithoutWritingToIt() throws Exception {
        Path chroma = dir.resolve("chroma");
        Files.createDirectories(chroma);
        Path db = chroma.resolve("chroma.sqlite3");
        Fixtures.chromaDatabase(db, chromaRows());
        byte[] before = Files.readAllBytes(db);
        List<String> filesBefore = Fixtures.listing(chroma);

        CliRunner.Result r = run("status", "--db", db.toString(), "--json");

        assertThat(r.err()).doesNotContain("godwit:");
        JsonNode status = Fixtures.json(r.out());
        assertThat(status.get("initialized").asBoolean()).isTrue();
        JsonNode sysdb = status.get("subsystems").get(0);
        assertThat(sysdb.get("applied")).hasSize(2);
        assertThat(sysdb.get("applied").get(1).get("filename").asText()).isEqualTo("00002-segments.sqlite.sql");
        assertThat(sysdb.get("applied").get(1).get("hash").asText()).isEqualTo(Fixtures.md5(chromaRows().get(1).sql()));
        assertThat(sysdb.get("applied").get(1).get("applied_at").isNull()).isTrue();
        assertThat(sysdb.get("applied").get(1).get("duration_ms").isNull()).isTrue();
        // Chroma's SQL is not Godwit's: the history is reported as inconsistent with Godwit's built-in files.
        assertThat(sysdb.get("problem").get("type").asText()).isEqualTo("InconsistentHashError");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(Fixtures.listing(chroma)).isEqualTo(filesBefore);
    }

    /** The same Chroma history, checked against folders that hold Chroma's own files: current. */
    @Test
    void aChromaHistoryIsCurrentAgainstChromasOwnFiles() throws Exception {
        Path db = dir.resolve("chroma.sqlite3");
        Fixtures.chromaDatabase(db, chromaRows());
        List<String> args = new ArrayList<>(List.of("status", "--db", db.toString(), "--no-builtin"));
        for (Fixtures.ChromaRow row : chromaRows()) {
            Fixtures.write(dir.resolve("src").resolve(row.dir()), row.filename(), row.sql());
        }
        for (String subsystem : List.of("sysdb", "embeddings_queue", "metadb")) {
            args.add("--migrations-dir");
            args.add(subsystem + "=" + dir.resolve("src").resolve(subsystem));
        }
        byte[] before = Files.readAllBytes(db);

        CliRunner.Result r = run(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("sysdb: 2 applied, 0 pending, current")
                .contains("  applied  00001  00001-embeddings.sqlite.sql  (applied at: unknown)")
                .contains("metadb: 1 applied, 0 pending, current");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    private static List<Fixtures.ChromaRow> chromaRows() {
        return List.of(
                new Fixtures.ChromaRow("sysdb", 1, "00001-collections.sqlite.sql",
                        "CREATE TABLE collections (\n    id TEXT PRIMARY KEY,\n    name TEXT NOT NULL,\n    topic TEXT NOT NULL,\n    UNIQUE (name)\n);\n"),
                new Fixtures.ChromaRow("sysdb", 2, "00002-segments.sqlite.sql",
                        "CREATE TABLE segments (\n    id TEXT PRIMARY KEY,\n    type TEXT NOT NULL,\n    scope TEXT NOT NULL,\n    topic TEXT,\n    collection TEXT REFERENCES collection(id)\n);\n"),
                new Fixtures.ChromaRow("embeddings_queue", 1, "00001-embeddings.sqlite.sql",
                        "CREATE TABLE embeddings_queue (\n    seq_id INTEGER PRIMARY KEY,\n    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,\n    operation INTEGER NOT NULL,\n    topic TEXT NOT NULL,\n    id TEXT NOT NULL,\n    vector BLOB,\n    encoding TEXT,\n    metadata TEXT\n);\n"),
                new Fixtures.ChromaRow("metadb", 1, "00001-embedding-metadata.sqlite.sql",
                        "CREATE TABLE embeddings (\n    id INTEGER PRIMARY KEY,\n    segment_id TEXT NOT NULL,\n    embedding_id TEXT NOT NULL,\n    seq_id BLOB NOT NULL,\n    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n    UNIQUE (segment_id, embedding_id)\n);\n"));
    }

    private static List<String> names(JsonNode status) {
        List<String> names = new ArrayList<>();
        status.get("subsystems").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }
}
