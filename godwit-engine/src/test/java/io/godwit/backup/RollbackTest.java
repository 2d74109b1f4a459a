package io.godwit.backup;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.HistoryEntry;
import io.godwit.MigrateResult;
import io.godwit.MigrationFailedError;
import io.godwit.contract.MigrationFolder;
import io.godwit.testing.SqliteFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The automatic backup before an upgrade, its rotation, and rolling back to it. */
class RollbackTest {
    @TempDir
    Path temp;
    Path db;
    MigrationFolder alpha;

    @BeforeEach
    void folders() {
        db = temp.resolve("data").resolve("godwit.sqlite3");
        alpha = new MigrationFolder(temp.resolve("alpha"), "sqlite");
        alpha.add(1, "items", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);");
    }

    private GodwitConfiguration.Builder configure() {
        return Godwit.configure().sqlite(db).subsystem("alpha", alpha.dir());
    }

    @Test
    void rollbackReportsWhatItLosesThenBringsBackTheOldSchemaAndData() {
        MigrateResult first = configure().load().migrate();
        assertThat(first.backupFile()).as("a new database has nothing to back up").isEmpty();
        SqliteFiles.execute(db, "INSERT INTO items (name) VALUES ('a'), ('b')");

        alpha.add(2, "tags", "CREATE TABLE tags (item INTEGER, tag TEXT);\nALTER TABLE items ADD COLUMN size INTEGER;");
        MigrateResult upgrade = configure().load().migrate();
        Path backup = upgrade.backupFile().orElseThrow();
        assertThat(backup.getParent()).isEqualTo(db.resolveSibling("backups"));
        assertThat(BackupManifest.read(backup).versions()).isEqualTo(Map.of("alpha", 1));
        assertThat(BackupManifest.read(backup).kind()).isEqualTo(BackupKind.BEFORE_MIGRATE);
        SqliteFiles.execute(db, "INSERT INTO items (name, size) VALUES ('c', 3), ('d', 4), ('e', 5)",
                "INSERT INTO tags VALUES (1, 'red'), (3, 'blue')");

        RestorePlan plan = configure().load().planRollback();

        assertThat(plan.backup().file()).isEqualTo(backup);
        assertThat(plan.undone()).extracting(HistoryEntry::dir, HistoryEntry::version).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alpha", 2));
        assertThat(plan.tables()).containsExactly(new TableRows("items", 5, 2), new TableRows("tags", 2, -1));
        assertThat(plan.rowsLost()).isEqualTo(5);
        assertThat(plan.changedTables()).hasSize(2);
        assertThat(SqliteFiles.count(db, "SELECT count(*) FROM items")).as("planning changes nothing").isEqualTo(5);

        RestoreResult result = configure().load().restore(plan);

        assertThat(SqliteFiles.tables(db)).contains("items", "migrations").doesNotContain("tags");
        assertThat(SqliteFiles.query(db, "SELECT name FROM items ORDER BY id")).containsExactly("a", "b");
        assertThat(SqliteFiles.query(db, "SELECT count(*) FROM pragma_table_info('items') WHERE name = 'size'")).containsExactly("0");
        assertThat(SqliteFiles.query(db, "SELECT dir || '/' || version FROM migrations")).containsExactly("alpha/1");
        assertThat(SqliteFiles.count(result.replaced().orElseThrow(), "SELECT count(*) FROM tags")).isEqualTo(2);
    }

    @Test
    void automaticBackupsAreRotatedKeepingTheNewestN() throws Exception {
        configure().load().migrate();
        Backup manual = configure().load().backup(null);
        for (int v = 2; v <= 6; v++) {
            alpha.add(v, "step" + v, "CREATE TABLE t" + v + " (x INTEGER);");
            assertThat(configure().backupsToKeep(2).load().migrate().backupFile()).isPresent();
        }

        List<Backup> automatic = BackupFolder.list(db.resolveSibling("backups"), db, BackupKind.BEFORE_MIGRATE);
        assertThat(automatic).extracting(b -> b.manifest().versions().get("alpha")).containsExactly(5, 4);
        assertThat(automatic).allSatisfy(b -> assertThat(Files.exists(b.file())).isTrue());
        assertThat(Files.exists(manual.file())).as("manual backups are never rotated").isTrue();
        try (Stream<Path> files = Files.list(db.resolveSibling("backups"))) {
            assertThat(files).hasSize(2 * 3); // two automatic and one manual, each with its manifest
        }
        assertThat(configure().load().planRollback().backup().file()).isEqualTo(automatic.get(0).file());
    }

    @Test
    void failedRunsDeleteTheirOwnBackupAndNeverPushOutTheOneBeforeTheLastUpgrade() {
        configure().load().migrate();
        alpha.add(2, "tags", "CREATE TABLE tags (x INTEGER);");
        Path beforeUpgrade = configure().backupsToKeep(1).load().migrate().backupFile().orElseThrow();
        alpha.add(3, "broken", "CREATE TABLE broken (x INTEGER);\nINSERT INTO nowhere VALUES (1);");

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> configure().backupsToKeep(1).load().migrate()).isInstanceOf(MigrationFailedError.class);
        }

        List<Backup> automatic = BackupFolder.list(db.resolveSibling("backups"), db, BackupKind.BEFORE_MIGRATE);
        assertThat(automatic).extracting(Backup::file).containsExactly(beforeUpgrade);
        assertThat(configure().load().planRollback().undone()).extracting(HistoryEntry::version).containsExactly(2);
    }

    @Test
    void aPartlyCommittedRunCountsAsCommittedAndRotates() {
        configure().load().migrate();
        alpha.add(2, "tags", "CREATE TABLE tags (x INTEGER);");
        Path first = configure().backupsToKeep(1).load().migrate().backupFile().orElseThrow();
        alpha.add(3, "fine", "CREATE TABLE fine (x INTEGER);");
        alpha.add(4, "broken", "INSERT INTO nowhere VALUES (1);");

        assertThatThrownBy(() -> configure().backupsToKeep(1).transactionPerMigration(true).load().migrate())
                .isInstanceOf(MigrationFailedError.class);

        List<Backup> automatic = BackupFolder.list(db.resolveSibling("backups"), db, BackupKind.BEFORE_MIGRATE);
        assertThat(automatic).hasSize(1);
        assertThat(automatic.get(0).file()).isNotEqualTo(first);
        assertThat(automatic.get(0).manifest().versions()).isEqualTo(Map.of("alpha", 2));
    }

    @Test
    void noBackupWhenSwitchedOffOrWhenNothingIsPending() {
        configure().load().migrate();
        assertThat(configure().load().migrate().backupFile()).as("current: nothing applied, nothing backed up").isEmpty();
        alpha.add(2, "more", "CREATE TABLE more (x INTEGER);");

        assertThat(configure().autoBackup(false).load().migrate().backupFile()).isEmpty();

        assertThat(Files.exists(db.resolveSibling("backups"))).isFalse();
        assertThatThrownBy(() -> configure().load().planRollback()).hasMessageContaining("Nothing to roll back to");
        assertThatThrownBy(() -> configure().backupsToKeep(0)).hasMessageContaining("Keep at least 1 backup");
    }
}
