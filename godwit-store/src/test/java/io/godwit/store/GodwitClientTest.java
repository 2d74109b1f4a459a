package io.godwit.store;

import io.godwit.ConfirmationRequiredError;
import io.godwit.DatabaseAheadError;
import io.godwit.MigrationMode;
import io.godwit.Subsystem;
import io.godwit.UninitializedMigrationsError;
import io.godwit.source.DirectorySource;
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
            assertThat(client.migrationsAppliedOnOpen().applied()).hasSizeGreaterThan(10);
            Collection books = client.createCollection("books", 3);
            books.add("a", new float[] {1, 0, 0}, Map.of("author", "ann", "year", 2001, "score", 0.5, "new", true), "the quick fox");
            books.add("b", new float[] {0, 1, 0}, Map.of(), null);
            books.add("c", new float[] {0.9f, 0.1f, 0}, Map.of(), "slow");
        }
        try (GodwitClient again = GodwitClient.persistent(temp)) {
            assertThat(again.migrationsAppliedOnOpen().applied()).isEmpty();
            Collection books = again.getCollection("books").orElseThrow();
            assertThat(again.listCollections()).containsExactly("books");
            assertThat(books.count()).isEqualTo(3);
            StoredEmbedding a = books.get("a").orElseThrow();
            assertThat(a.embedding()).containsExactly(1f, 0f, 0f);
            assertThat(a.metadata()).containsEntry("author", "ann").containsEntry("year", 2001L)
                    .containsEntry("score", 0.5).containsEntry("new", true);
            assertThat(a.document()).isEqualTo("the quick fox");
            assertThat(books.query(new float[] {1, 0, 0}, 2)).containsExactly("a", "c");
            assertThatThrownBy(() -> books.add("d", new float[] {1, 2}, Map.of(), null)).hasMessageContaining("dimension 3");
        }
    }

    @Test
    void anEphemeralStoreLeavesNothingBehind() {
        GodwitClient client = GodwitClient.ephemeral();
        client.createCollection("tmp", null).add("x", new float[] {1}, Map.of(), null);
        assertThat(client.getCollection("tmp").orElseThrow().count()).isEqualTo(1);
        Path file = client.databaseFile().orElseThrow();
        assertThat(file).exists();
        client.close();
        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void openingADatabaseNewerThanTheCodeFails() throws Exception {
        GodwitClient.persistent(temp).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve(GodwitClient.DATABASE_FILE));
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO migrations (dir, version, filename, sql, hash) VALUES"
                    + " ('sysdb', 7, '00007-from-the-future.sqlite.sql', 'SELECT 1', 'x')");
        }
        assertThatThrownBy(() -> GodwitClient.persistent(temp)).isInstanceOfSatisfying(DatabaseAheadError.class, e -> {
            assertThat(e.subsystem()).isEqualTo("sysdb");
            assertThat(e.newestAppliedFile()).isEqualTo("00007-from-the-future.sqlite.sql");
            assertThat(e.newestKnown()).isEqualTo(6);
        });
    }

    @Test
    void aConfirmGatedMigrationIsNotAppliedByAnOpeningApplication() throws Exception {
        Path custom = Files.createDirectories(temp.resolve("custom"));
        Files.writeString(custom.resolve("00001-big-rewrite.sqlite.sql"),
                "-- godwit:confirm rewrites every collection; take a backup first\nCREATE TABLE rewritten (x INTEGER);");
        ClientSettings settings = ClientSettings.defaults()
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
        assertThatThrownBy(() -> GodwitClient.persistent(dir, ClientSettings.defaults().withMode(MigrationMode.VALIDATE)))
                .isInstanceOf(UninitializedMigrationsError.class);
        assertThat(dir.resolve(GodwitClient.DATABASE_FILE)).doesNotExist();
        assertThatThrownBy(() -> GodwitClient.persistent(dir, ClientSettings.defaults()
                .withEnvironment(Map.of("GODWIT_MIGRATIONS", "validate"))))
                .isInstanceOf(UninitializedMigrationsError.class);
    }
}
