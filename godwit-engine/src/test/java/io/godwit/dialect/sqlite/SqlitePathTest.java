package io.godwit.dialect.sqlite;

import io.godwit.Godwit;
import io.godwit.GodwitException;
import io.godwit.contract.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The library's own check of the path it is given: a folder, a file in place of a folder, not a database. */
class SqlitePathTest {
    @TempDir
    Path temp;

    private Godwit godwit(Path db) {
        MigrationFolder m = new MigrationFolder(temp.resolve("m"), "sqlite");
        m.add(1, "a", "CREATE TABLE a (x INTEGER);");
        return Godwit.configure().sqlite(db).subsystem("m", m.dir()).load();
    }

    @Test
    void aFolderIsNotReportedAsAnUninitializedDatabase() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("data"));

        assertThatThrownBy(() -> godwit(folder).status()).isInstanceOf(GodwitException.class)
                .hasMessageContaining(folder + " is a folder, not a SQLite database file");
        assertThatThrownBy(() -> godwit(folder).migrate()).hasMessageContaining("is a folder");
        assertThat(Files.list(folder)).isEmpty();
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws Exception {
        Path file = Files.writeString(temp.resolve("data"), "x");

        assertThatThrownBy(() -> godwit(file.resolve("godwit.sqlite3")).migrate())
                .hasMessageContaining(file + " is a file, not a folder");
    }

    @Test
    void aFileWithoutSqlitesHeaderIsNotADatabase() throws Exception {
        Path garbage = Files.writeString(temp.resolve("g.sqlite3"), "garbage ".repeat(100));

        assertThatThrownBy(() -> godwit(garbage).validate()).hasMessageContaining(garbage + " is not a SQLite database");
        assertThatThrownBy(() -> godwit(garbage).backup(null)).hasMessageContaining("is not a SQLite database");
        assertThat(Files.list(temp)).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("g.sqlite3", "m");
    }
}
