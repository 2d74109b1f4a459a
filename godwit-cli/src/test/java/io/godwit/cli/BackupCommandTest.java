package io.godwit.cli;

import io.godwit.backup.BackupManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** godwit backup, and the automatic backup of godwit migrate. */
class BackupCommandTest {
    @TempDir
    Path dir;

    @Test
    void backupWritesACopyAndItsManifestIntoTheBackupsFolder() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();

        CliRunner.Result r = run(f.args("backup"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Fixtures.listing(f.backups())).hasSize(2).allMatch(n -> n.startsWith("godwit-") && n.contains("-manual.sqlite3"));
        Path copy = f.backups().resolve(Fixtures.listing(f.backups()).get(0));
        assertThat(r.out()).startsWith("Backed up " + f.db + " to " + copy)
                .contains("sha256 " + BackupManifest.read(copy).sha256(), "manifest " + copy + ".manifest");
    }

    @Test
    void backupToAFileAndIntoAFolder() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();
        Path file = dir.resolve("copy.sqlite3");
        Path folder = Files.createDirectories(dir.resolve("vault"));

        assertThat(run(f.args("backup", "--to", file.toString())).exitCode()).isZero();
        assertThat(run(f.args("backup", "--to", folder.toString())).exitCode()).isZero();

        assertThat(file).exists();
        assertThat(BackupManifest.pathOf(file)).exists();
        assertThat(Fixtures.listing(folder)).hasSize(2);
    }

    @Test
    void thereIsNothingToBackUpWhereThereIsNoDatabase() throws Exception {
        SafeFixture missing = new SafeFixture(dir);

        CliRunner.Result r = run(missing.args("backup"));

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("godwit: There is no database at ");
        assertThat(missing.db).doesNotExist();
    }

    @Test
    void migrateNamesItsAutomaticBackupAndKeepsTheNewestN() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();
        f.addMigration("00002-tags.sqlite.sql", "CREATE TABLE tags (name TEXT);");

        CliRunner.Result r = run(f.args("migrate", "--keep-backups", "1"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Backed up the database before migrating: " + f.backups().resolve("godwit-"))
                .contains("-before-migrate.sqlite3");
        f.addMigration("00003-more.sqlite.sql", "CREATE TABLE more (x INTEGER);");
        assertThat(run(f.args("migrate", "--keep-backups", "1")).exitCode()).isZero();
        assertThat(Fixtures.listing(f.backups())).hasSize(2); // one backup, one manifest
    }

    @Test
    void migrateWithNoBackupTakesNone() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();
        f.addMigration("00002-tags.sqlite.sql", "CREATE TABLE tags (name TEXT);");

        CliRunner.Result r = run(f.args("migrate", "--no-backup"));

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).doesNotContain("Backed up");
        assertThat(f.backups()).doesNotExist();
        assertThat(run(f.args("migrate", "--keep-backups", "0")).exitCode()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"backup", "restore", "rollback", "verify", "repair", "rehash"})
    void everySafeUpgradeCommandHasHelpAndTheRootListsIt(String command) {
        CliRunner.Result r = run(command, "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: godwit " + command).contains("--path=DIR", "--db=FILE", "--url=JDBC_URL");
        assertThat(run("--help").out()).contains("  " + command + " ");
    }
}
