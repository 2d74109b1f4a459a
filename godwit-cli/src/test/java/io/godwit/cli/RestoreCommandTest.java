package io.godwit.cli;

import io.godwit.backup.BackupManifest;
import io.godwit.testing.ChildJvm;
import io.godwit.testing.SqliteHolderProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** godwit restore and godwit rollback: what they show, when they ask, and when they refuse. */
class RestoreCommandTest {
    @TempDir
    Path dir;

    private Path backupOf(SafeFixture f) {
        Path file = dir.resolve("backup.sqlite3");
        assertThat(run(f.args("backup", "--to", file.toString())).exitCode()).isZero();
        return file;
    }

    @Test
    void restoreWithYesReplacesTheDatabaseAndKeepsTheOldOne() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();
        Path backup = backupOf(f);
        f.execute("INSERT INTO items (name) VALUES ('c')");

        CliRunner.Result r = run(f.args("restore", "--from", backup.toString(), "--yes"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Restored " + f.db + " from " + backup)
                .contains("the replaced database is kept as " + f.backups().resolve("godwit-"));
        assertThat(f.count("SELECT count(*) FROM items")).isEqualTo(2);
    }

    @Test
    void atATerminalRestoreShowsWhatIsLostAndAsks() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();
        Path backup = backupOf(f);
        f.execute("INSERT INTO items (name) VALUES ('c'), ('d')");
        byte[] before = f.bytes();

        ScriptedTerminal says_no = new ScriptedTerminal(true, "n");
        CliRunner.Result no = run(Map.of(), says_no, f.args("restore", "--from", backup.toString()));

        assertThat(no.exitCode()).isEqualTo(1);
        assertThat(no.out()).contains("Restoring " + f.db + " from " + backup, "checksum verified", "versions in the backup: app 1",
                "No migration is undone.", "Rows lost: 2", "items: 2 rows (4 now, 2 in the backup)");
        assertThat(says_no.questions()).containsExactly("Replace " + f.db + " with this backup? [y/N] ");
        assertThat(no.errLines()).singleElement().asString().contains("Nothing was changed");
        assertThat(f.bytes()).isEqualTo(before);

        CliRunner.Result yes = run(Map.of(), new ScriptedTerminal(true, "y"), f.args("restore", "--from", backup.toString()));
        assertThat(yes.exitCode()).as(yes.err()).isZero();
        assertThat(f.count("SELECT count(*) FROM items")).isEqualTo(2);
    }

    @Test
    void inAScriptRestoreNeedsYes() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();
        Path backup = backupOf(f);

        CliRunner.Result r = run(f.args("restore", "--from", backup.toString()));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("godwit: This replaces the database").contains("--yes");
    }

    @Test
    void aDamagedBackupIsRefusedWithExitFour() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();
        Path backup = backupOf(f);
        try (RandomAccessFile file = new RandomAccessFile(backup.toFile(), "rw")) {
            file.seek(file.length() - 10);
            file.write(0x5a);
        }
        byte[] before = f.bytes();

        CliRunner.Result r = run(f.args("restore", "--from", backup.toString(), "--yes"));

        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.errLines()).singleElement().asString().startsWith("godwit: Refusing backup " + backup)
                .contains("do not match its manifest's checksum");
        assertThat(f.bytes()).isEqualTo(before);
    }

    @Test
    void restoreRefusesWithExitSixWhileAnotherProcessWrites() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();
        Path backup = backupOf(f);
        try (ChildJvm writer = ChildJvm.startAndAwaitReady(SqliteHolderProcess.class, List.of(f.db.toString(), "write"))) {
            CliRunner.Result r = run(f.args("restore", "--from", backup.toString(), "--yes"));

            assertThat(r.exitCode()).isEqualTo(6);
            assertThat(r.errLines()).singleElement().asString().startsWith("godwit: Refusing to replace " + f.db + " while it is in use");
        }
    }

    @Test
    void rollbackShowsTheUndoneMigrationsAndLostRowsThenRestores() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();
        f.addMigration("00002-tags.sqlite.sql", "CREATE TABLE tags (item INTEGER, tag TEXT);");
        assertThat(run(f.args("migrate")).exitCode()).isZero();
        f.execute("INSERT INTO tags VALUES (1, 'red'), (2, 'blue'), (2, 'green')");
        f.execute("INSERT INTO items (name) VALUES ('c')");

        CliRunner.Result r = run(f.args("rollback", "--yes"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Migrations undone (1):", "  app/00002-tags.sqlite.sql", "Rows lost: 4",
                "  items: 1 rows (3 now, 2 in the backup)", "  tags: dropped, with its 3 rows", "Restored " + f.db);
        assertThat(Fixtures.tableExists(f.db, "tags")).isFalse();
        assertThat(f.count("SELECT max(version) FROM migrations")).isEqualTo(1);
        assertThat(Files.list(f.backups()).filter(p -> p.toString().endsWith("before-restore.sqlite3"))).hasSize(1);
        assertThat(BackupManifest.read(Files.list(f.backups()).filter(p -> p.toString().endsWith("before-restore.sqlite3"))
                .findFirst().orElseThrow()).versions()).containsEntry("app", 2);
    }

    @Test
    void rollbackWithoutAnAutomaticBackupSaysSo() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();

        CliRunner.Result r = run(f.args("rollback", "--yes"));

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("godwit: Nothing to roll back to");
    }
}
