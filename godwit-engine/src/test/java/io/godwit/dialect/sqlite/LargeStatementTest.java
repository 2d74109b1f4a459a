package io.godwit.dialect.sqlite;

import io.godwit.Godwit;
import io.godwit.MigrationFailedError;
import io.godwit.contract.MigrationFolder;
import io.godwit.testing.SqliteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements as long as SQLite allows (the driver's own cap is 1 MB); a failed first run leaves nothing. */
class LargeStatementTest {
    @TempDir
    Path temp;

    @Test
    void aStatementOfSeveralMegabytesIsApplied() {
        MigrationFolder m = new MigrationFolder(temp.resolve("m"), "sqlite");
        m.add(1, "table", "CREATE TABLE blobs (body TEXT);");
        m.add(2, "seed", "INSERT INTO blobs VALUES ('" + "x".repeat(3_000_000) + "');");
        Path db = temp.resolve("g.sqlite3");

        assertThat(Godwit.configure().sqlite(db).subsystem("m", m.dir()).load().migrate().applied()).hasSize(2);
        assertThat(SqliteFiles.query(db, "SELECT length(body) FROM blobs")).containsExactly("3000000");
    }

    @Test
    void aFailedFirstRunLeavesNothingBehind() throws Exception {
        MigrationFolder m = new MigrationFolder(temp.resolve("m"), "sqlite");
        m.add(1, "broken", "CREATE TABLE a (x INTEGER);\nINSERT INTO nowhere VALUES (1);");
        Path db = temp.resolve("data").resolve("deeper").resolve("g.sqlite3");

        assertThatThrownBy(() -> Godwit.configure().sqlite(db).subsystem("m", m.dir()).load().migrate())
                .isInstanceOf(MigrationFailedError.class);

        assertThat(temp.resolve("data")).as("no database, -wal, -shm, lock file, nor the folders made for them")
                .doesNotExist();
    }

    @Test
    void aFailedFirstRunInAFolderOfTheUsersLeavesItAsItWas() throws Exception {
        MigrationFolder m = new MigrationFolder(temp.resolve("m"), "sqlite");
        m.add(1, "broken", "CREATE TABLE a (x INTEGER);\nINSERT INTO nowhere VALUES (1);");
        Path folder = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(folder.resolve("notes.txt"), "kept");

        assertThatThrownBy(() -> Godwit.configure().sqlite(folder.resolve("g.sqlite3")).subsystem("m", m.dir())
                .load().migrate()).isInstanceOf(MigrationFailedError.class);

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("notes.txt");
        }
    }
}
