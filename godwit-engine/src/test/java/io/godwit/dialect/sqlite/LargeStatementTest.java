package io.godwit.dialect.sqlite;

import io.godwit.Godwit;
import io.godwit.MigrationFailedError;
import io.godwit.contract.MigrationFolder;
import io.godwit.testing.SqliteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements as long as SQLite allows (the driver's own cap is 1 MB); a failed first run leaves no file. */
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
    void aFailedFirstRunLeavesNoDatabaseFileBehind() throws Exception {
        MigrationFolder m = new MigrationFolder(temp.resolve("m"), "sqlite");
        m.add(1, "broken", "CREATE TABLE a (x INTEGER);\nINSERT INTO nowhere VALUES (1);");
        Path db = temp.resolve("data").resolve("g.sqlite3");

        assertThatThrownBy(() -> Godwit.configure().sqlite(db).subsystem("m", m.dir()).load().migrate())
                .isInstanceOf(MigrationFailedError.class);

        // Only the migration lock's file stays (empty): removing it could let a newcomer lock another
        // file while a waiter holds the old one.
        assertThat(Files.list(db.getParent())).extracting(p -> p.getFileName().toString()).as("no database, -wal or -shm")
                .containsExactly("g.sqlite3.godwit-lock");
    }
}
