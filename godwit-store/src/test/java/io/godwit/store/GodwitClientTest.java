package io.godwit.store;

import io.godwit.ConfirmationRequiredError;
import io.godwit.DatabaseAheadError;
import io.godwit.MigrationMode;
import io.godwit.Subsystem;
import io.godwit.UninitializedMigrationsError;
import io.godwit.source.DirectorySource;
import io.godwit.store.local.Connections;
import io.godwit.store.local.Jdbc;
import io.godwit.store.local.SqliteConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GodwitClientTest {
    @TempDir
    Path temp;

    @Test
    void aPersistentStoreMigratesOnOpenAndKeepsItsRecords() {
        try (GodwitClient client = GodwitClient.persistent(temp)) {
            assertThat(client.migrationsAppliedOnOpen().applied()).hasSize(18);
            client.createCollection("books").add(RecordBatch.of("a", "b").embeddings(List.of(new float[] {1, 0, 0},
                    new float[] {0, 1, 0})).documents(List.of("the quick fox", "slow")).metadatas(List.of(Map.of("year", 2001),
                    Map.of("tags", List.of("x")))));
        }
        try (GodwitClient again = GodwitClient.persistent(temp)) {
            assertThat(again.migrationsAppliedOnOpen().applied()).isEmpty();
            StoreCollection books = again.getCollection("books").orElseThrow();
            assertThat(books.count()).isEqualTo(2);
            GetResult r = books.get(GetRequest.all().include(Include.EMBEDDINGS, Include.DOCUMENTS, Include.METADATAS));
            assertThat(r.embeddings().get(1)).containsExactly(0f, 1f, 0f);
            assertThat(r.documents()).containsExactly("the quick fox", "slow");
            assertThat(r.metadatas()).containsExactly(Map.of("year", 2001L), Map.of("tags", List.of("x")));
            assertThat(books.query(QueryRequest.embedding(new float[] {1, 0, 0}).nResults(1)).ids()).containsExactly(List.of("a"));
        }
    }

    @Test
    void thePersistentStoreCommitsWithSynchronousFullInWalMode() throws Exception {
        try (GodwitClient client = GodwitClient.persistent(temp)) {
            client.createCollection("books").add(RecordBatch.of("a").embeddings(List.<float[]>of(new float[] {1})));
            SqliteConnections sqlite = (SqliteConnections) storeConnections(client);
            assertThat(sqlite.<String>write("read the pragmas", c -> Jdbc.stringValue(c, "PRAGMA journal_mode"))).isEqualTo("wal");
            // 2 = FULL: a commit returns only once the WAL is synced (a kill cannot reveal a missing fsync).
            assertThat(sqlite.<String>write("read the pragmas", c -> Jdbc.stringValue(c, "PRAGMA synchronous"))).isEqualTo("2");
            assertThat(sqlite.<String>read("read the pragmas", c -> Jdbc.stringValue(c, "PRAGMA synchronous"))).isEqualTo("2");
            assertThat(sqlite.<String>write("read the pragmas", c -> Jdbc.stringValue(c, "PRAGMA foreign_keys"))).isEqualTo("1");
            // The writer checkpoints every 10,000 pages, not SQLite's 1,000 (one checkpoint per batch).
            assertThat(sqlite.<String>write("read the pragmas", c -> Jdbc.stringValue(c, "PRAGMA wal_autocheckpoint"))).isEqualTo("10000");
        }
    }

    @Test
    void anOpenClientHoldsTheStoreInUseUntilItCloses() throws Exception {
        Path holders = temp.resolve(GodwitClient.DATABASE_FILE + ".godwit-inuse");
        try (GodwitClient client = GodwitClient.persistent(temp)) {
            try (var files = Files.list(holders)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .anyMatch(n -> n.startsWith(ProcessHandle.current().pid() + "-") && n.endsWith(".holder"));
            }
        }
        try (var files = Files.list(holders)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".holder"));
        }
    }

    @Test
    void anEphemeralStoreIsInMemoryAndLeavesNothingBehind() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> before;
        try (var files = Files.list(cwd)) {
            before = files.toList();
        }
        GodwitClient client = GodwitClient.ephemeral();
        client.createCollection("tmp").add(RecordBatch.of("x").embeddings(List.<float[]>of(new float[] {1})));
        assertThat(client.getCollection("tmp").orElseThrow().count()).isEqualTo(1);
        assertThat(client.databaseFile()).isEmpty();
        assertThat(storeConnections(client).describe()).startsWith("memory:godwit-");
        GodwitClient other = GodwitClient.ephemeral();
        assertThat(other.getCollection("tmp")).as("each ephemeral store is its own").isEmpty();
        other.close();
        client.close();
        try (var files = Files.list(cwd)) {
            assertThat(files.toList()).containsExactlyInAnyOrderElementsOf(before);
        }
    }

    private static Connections storeConnections(GodwitClient client) {
        return client.connections();
    }

    @Test
    void openingADatabaseNewerThanTheCodeFails() throws Exception {
        GodwitClient.persistent(temp).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve(GodwitClient.DATABASE_FILE));
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO migrations (dir, version, filename, sql, hash) VALUES"
                    + " ('sysdb', 8, '00008-from-the-future.sqlite.sql', 'SELECT 1', 'x')");
        }
        assertThatThrownBy(() -> GodwitClient.persistent(temp)).isInstanceOfSatisfying(DatabaseAheadError.class, e -> {
            assertThat(e.subsystem()).isEqualTo("sysdb");
            assertThat(e.newestAppliedFile()).isEqualTo("00008-from-the-future.sqlite.sql");
            assertThat(e.newestKnown()).isEqualTo(7);
        });
    }

    @Test
    void aConfirmGatedMigrationIsNotAppliedByAnOpeningApplication() throws Exception {
        Path custom = Files.createDirectories(temp.resolve("custom"));
        Files.writeString(custom.resolve("00001-big-rewrite.sqlite.sql"),
                "-- godwit:confirm rewrites every collection; take a backup first\nCREATE TABLE rewritten (x INTEGER);");
        Settings settings = Settings.defaults()
                .withCustomSubsystems(List.of(new Subsystem("custom", new DirectorySource(custom))));

        assertThatThrownBy(() -> GodwitClient.persistent(temp.resolve("db"), settings))
                .isInstanceOf(ConfirmationRequiredError.class)
                .hasMessageContaining("custom/00001-big-rewrite.sqlite.sql")
                .hasMessageContaining("rewrites every collection; take a backup first")
                .hasMessageContaining("godwit migrate --confirm");
    }

    @Test
    void validateModeRefusesAStoreThatWasNeverMigratedAndCreatesNothing() {
        Path dir = temp.resolve("fresh");
        assertThatThrownBy(() -> GodwitClient.persistent(dir, Settings.defaults().withMode(MigrationMode.VALIDATE)))
                .isInstanceOf(UninitializedMigrationsError.class);
        assertThat(dir.resolve(GodwitClient.DATABASE_FILE)).doesNotExist();
        assertThatThrownBy(() -> GodwitClient.persistent(dir, Settings.defaults()
                .withEnvironment(Map.of("GODWIT_MIGRATIONS", "validate"))))
                .isInstanceOf(UninitializedMigrationsError.class);
    }
}
