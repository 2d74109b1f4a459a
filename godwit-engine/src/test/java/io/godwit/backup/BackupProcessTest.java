package io.godwit.backup;

import io.godwit.DatabaseInUseError;
import io.godwit.Godwit;
import io.godwit.contract.MigrationFolder;
import io.godwit.testing.ChildJvm;
import io.godwit.testing.SqliteFiles;
import io.godwit.testing.SqliteHolderProcess;
import io.godwit.testing.SqliteWriterProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backup and restore of a SQLite file that other real JVMs are using at the same time. */
class BackupProcessTest {
    @TempDir
    Path temp;
    Path db;
    Godwit godwit;

    @BeforeEach
    void database() {
        db = temp.resolve("data").resolve("godwit.sqlite3");
        MigrationFolder alpha = new MigrationFolder(temp.resolve("alpha"), "sqlite");
        alpha.add(1, "ledgers", "CREATE TABLE ledger_a (id INTEGER PRIMARY KEY, payload BLOB);\n"
                + "CREATE TABLE ledger_b (id INTEGER PRIMARY KEY, payload BLOB);\n"
                // ~24 MB, so that the copy takes several steps while the writer commits
                + "CREATE TABLE filler (b BLOB);\n"
                + "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 24000)"
                + " INSERT INTO filler SELECT randomblob(1000) FROM c;");
        godwit = Godwit.configure().sqlite(db).subsystem("alpha", alpha.dir()).load();
        godwit.migrate();
    }

    @Test
    void aBackupTakenWhileAnotherProcessWritesIsOneConsistentMoment() throws Exception {
        List<Backup> backups;
        try (ChildJvm writer = ChildJvm.startAndAwaitReady(SqliteWriterProcess.class, List.of(db.toString()))) {
            backups = List.of(godwit.backup(temp.resolve("elsewhere").resolve("copy.sqlite3")), godwit.backup(null),
                    godwit.backup(null));
            assertThat(writer.isAlive()).as("the writer kept writing through the backups").isTrue();
        }
        for (Backup backup : backups) {
            Path copy = backup.file();
            assertThat(SqliteFiles.query(copy, "PRAGMA integrity_check")).containsExactly("ok");
            long a = SqliteFiles.count(copy, "SELECT count(*) FROM ledger_a");
            assertThat(a).as("rows of one transaction are either both in the copy or both not").isPositive()
                    .isEqualTo(SqliteFiles.count(copy, "SELECT count(*) FROM ledger_b"));
            assertThat(SqliteFiles.count(copy, "SELECT count(*) FROM filler")).isEqualTo(24000);
            BackupManifest m = backup.manifest();
            assertThat(m.sha256()).isEqualTo(SqliteFiles.sha256(copy));
            assertThat(m.size()).isEqualTo(Files.size(copy));
            assertThat(m.versions()).containsExactlyEntriesOf(java.util.Map.of("alpha", 1));
            assertThat(m.kind()).isEqualTo(BackupKind.MANUAL);
            assertThat(m.format()).isEqualTo("sqlite");
            assertThat(BackupManifest.read(copy)).isEqualTo(m);
            assertThat(hiddenFiles(copy.getParent())).as("no temporary file is left behind").isEmpty();
        }
        assertThat(backups.get(1).file().getParent()).isEqualTo(db.resolveSibling("backups"));
        assertThat(backups.get(1).file()).isNotEqualTo(backups.get(2).file());
        // The copy reads without creating -wal or -shm files that would change what was checksummed.
        assertThat(Files.list(backups.get(0).file().getParent()).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("copy.sqlite3", "copy.sqlite3.manifest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"write", "lock", "read"})
    void restoreRefusesWhileAnotherProcessHoldsTheDatabase(String mode) throws Exception {
        Backup backup = godwit.backup(null);
        SqliteFiles.execute(db, "INSERT INTO ledger_a (payload) VALUES (x'01')");
        try (ChildJvm holder = ChildJvm.startAndAwaitReady(SqliteHolderProcess.class, List.of(db.toString(), mode))) {
            String before = SqliteFiles.sha256(db);
            assertThatThrownBy(() -> godwit.restore(backup.file()))
                    .isInstanceOf(DatabaseInUseError.class)
                    .hasMessageContaining("Refusing to replace " + db)
                    .hasMessageContaining(mode.equals("lock") ? "migration lock" : "another process has it open")
                    .hasMessageContaining("Nothing was changed");
            assertThat(SqliteFiles.sha256(db)).as("the database file is untouched").isEqualTo(before);
            assertThat(hiddenFiles(db.getParent())).isEmpty();
        }
        godwit.restore(backup.file());
        assertThat(SqliteFiles.count(db, "SELECT count(*) FROM ledger_a")).isZero();
    }

    private static List<Path> hiddenFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
