package io.godwit.backup;

import io.godwit.BackupIntegrityError;
import io.godwit.Godwit;
import io.godwit.GodwitException;
import io.godwit.contract.MigrationFolder;
import io.godwit.testing.SqliteFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Restore of SQLite backups: what is refused, what is kept, and that a refusal changes nothing. */
class RestoreTest {
    @TempDir
    Path temp;
    Path db;
    MigrationFolder alpha;

    @BeforeEach
    void database() {
        db = temp.resolve("data").resolve("godwit.sqlite3");
        alpha = new MigrationFolder(temp.resolve("alpha"), "sqlite");
        alpha.add(1, "items", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);\n"
                + "INSERT INTO items (name) VALUES ('one'), ('two');");
        godwit().migrate();
    }

    private Godwit godwit() {
        return Godwit.configure().sqlite(db).subsystem("alpha", alpha.dir()).load();
    }

    @Test
    void restoreBringsTheBackupBackAndKeepsTheReplacedDatabaseAsABackup() {
        Backup backup = godwit().backup(null);
        SqliteFiles.execute(db, "INSERT INTO items (name) VALUES ('three')");

        RestoreResult result = godwit().restore(backup.file());

        assertThat(SqliteFiles.query(db, "SELECT name FROM items ORDER BY id")).containsExactly("one", "two");
        assertThat(SqliteFiles.query(db, "PRAGMA integrity_check")).containsExactly("ok");
        godwit().validate();
        Path kept = result.replaced().orElseThrow();
        assertThat(kept.getParent()).isEqualTo(db.resolveSibling("backups"));
        assertThat(kept.getFileName().toString()).startsWith("godwit-").endsWith("-before-restore.sqlite3");
        BackupManifest keptManifest = BackupManifest.read(kept);
        assertThat(keptManifest.kind()).isEqualTo(BackupKind.BEFORE_RESTORE);
        assertThat(keptManifest.sha256()).isEqualTo(SqliteFiles.sha256(kept));
        assertThat(SqliteFiles.query(kept, "SELECT name FROM items ORDER BY id")).containsExactly("one", "two", "three");
        assertThat(Files.exists(db.resolveSibling("godwit.sqlite3-wal"))).isFalse();

        // The kept database is a backup like any other: restoring it undoes the restore.
        godwit().restore(kept);
        assertThat(SqliteFiles.query(db, "SELECT name FROM items ORDER BY id")).containsExactly("one", "two", "three");
    }

    @Test
    void aBackupWithOneFlippedByteIsRefusedAndNothingChanges() throws Exception {
        Backup backup = godwit().backup(null);
        SqliteFiles.execute(db, "INSERT INTO items (name) VALUES ('three')");
        long middle = Files.size(backup.file()) / 2;
        try (RandomAccessFile f = new RandomAccessFile(backup.file().toFile(), "rw")) {
            f.seek(middle);
            int b = f.read();
            f.seek(middle);
            f.write(b ^ 0x01);
        }
        String before = SqliteFiles.sha256(db);
        List<Path> filesBefore = files(db.getParent());

        assertThatThrownBy(() -> godwit().restore(backup.file()))
                .isInstanceOf(BackupIntegrityError.class)
                .hasMessageContaining("Refusing backup " + backup.file())
                .hasMessageContaining("its bytes do not match its manifest's checksum")
                .hasMessageContaining("sha256 " + backup.manifest().sha256())
                .hasMessageContaining("Nothing was changed")
                .satisfies(e -> assertThat(((GodwitException) e).exitCode()).isEqualTo(GodwitException.EXIT_INCONSISTENT));
        assertThatThrownBy(() -> godwit().planRestore(backup.file())).isInstanceOf(BackupIntegrityError.class);

        assertThat(SqliteFiles.sha256(db)).isEqualTo(before);
        assertThat(files(db.getParent())).isEqualTo(filesBefore);
    }

    @Test
    void aBackupWithoutItsManifestOrOfAnotherSizeOrFormatIsRefused() throws Exception {
        Backup backup = godwit().backup(null);
        Path copy = temp.resolve("copy.sqlite3");
        Files.copy(backup.file(), copy);
        assertThatThrownBy(() -> godwit().restore(copy)).isInstanceOf(BackupIntegrityError.class)
                .hasMessageContaining("it has no manifest");

        Files.writeString(BackupManifest.pathOf(copy), backup.manifest().toText());
        Files.write(copy, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> godwit().restore(copy)).isInstanceOf(BackupIntegrityError.class)
                .hasMessageContaining("its size is not the size recorded");

        Files.writeString(BackupManifest.pathOf(backup.file()), backup.manifest().toText().replace("format=sqlite", "format=pg_dump"));
        assertThatThrownBy(() -> godwit().restore(backup.file())).isInstanceOf(BackupIntegrityError.class)
                .hasMessageContaining("another kind of database");
        assertThat(SqliteFiles.query(db, "SELECT count(*) FROM items")).containsExactly("2");
    }

    @Test
    void restoreCreatesADatabaseWhereThereIsNone() throws Exception {
        Backup backup = godwit().backup(temp.resolve("b.sqlite3"));
        Path fresh = temp.resolve("new").resolve("restored.sqlite3");

        RestoreResult result = Godwit.configure().sqlite(fresh).subsystem("alpha", alpha.dir()).load().restore(backup.file());

        assertThat(result.replaced()).isEmpty();
        assertThat(SqliteFiles.query(fresh, "SELECT name FROM items ORDER BY id")).containsExactly("one", "two");
        assertThat(Files.exists(fresh.resolveSibling("backups"))).isFalse();
    }

    @Test
    void backupAndRestoreReportProgressUpToTheirTotals() {
        List<String> events = new ArrayList<>();
        Godwit g = Godwit.configure().sqlite(db).subsystem("alpha", alpha.dir())
                .progress((task, done, total) -> events.add(task + " " + done + "/" + total)).load();
        Backup backup = g.backup(null);
        long size = backup.manifest().size();
        assertThat(events.get(0)).isEqualTo("backup 0/" + size);
        assertThat(events).contains("backup " + size + "/" + size, "checksum 0/" + size, "checksum " + size + "/" + size);
        events.clear();
        g.restore(backup.file());
        assertThat(events).contains("restore 0/" + size, "restore " + size + "/" + size);
    }

    @Test
    void aBackupNeverOverwritesAFile() throws Exception {
        Path taken = temp.resolve("taken.sqlite3");
        Files.writeString(taken, "precious");
        assertThatThrownBy(() -> godwit().backup(taken)).hasMessageContaining("Refusing to overwrite " + taken);
        assertThat(Files.readString(taken)).isEqualTo("precious");
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.sorted().toList();
        }
    }
}
