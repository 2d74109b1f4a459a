package io.godwit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** godwit verify, repair and rehash. */
class HistoryCommandsTest {
    @TempDir
    Path dir;

    @Test
    void verifyPassesASoundDatabaseAndFindsAHandEditedHistory() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();

        CliRunner.Result ok = run(f.args("verify"));
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Verified " + f.db, "integrity_check: ok", "foreign_key_check: ok", "history (1 rows): ok")
                .endsWith("OK" + System.lineSeparator());

        f.execute("UPDATE migrations SET sql = 'DROP TABLE items;'");
        CliRunner.Result bad = run(f.args("verify"));

        assertThat(bad.exitCode()).isEqualTo(4);
        assertThat(bad.out()).contains("history (1 rows): 1 problem(s)", "app/00001-items.sqlite.sql: stored sql hashes to md5");
        assertThat(bad.errLines()).singleElement().asString().isEqualTo("godwit: verify found 1 problem in " + f.db + " (listed on stdout)");
    }

    @Test
    void repairAcceptsAnEditAndValidatePassesAgain() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();
        Fixtures.write(f.app, "00001-items.sqlite.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);\n"
                + "INSERT INTO items (name) VALUES ('a'), ('b'); -- typo fixed in a comment");
        assertThat(run(f.args("validate")).exitCode()).isEqualTo(4);

        CliRunner.Result r = run(f.args("repair", "--accept", "app/1", "--reason", "comment only"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Accepted app/00001-items.sqlite.sql as edited: md5 ").contains("reason: comment only");
        assertThat(run(f.args("validate")).exitCode()).isZero();
        assertThat(run(f.args("repair", "--accept", "app/1", "--reason", "again")).out()).contains("already validates");
    }

    @Test
    void repairNeedsAnAcceptOfTheFormDirSlashVersionAndAReason() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();
        assertThat(run(f.args("repair", "--accept", "app1", "--reason", "x")).exitCode()).isEqualTo(2);
        assertThat(run(f.args("repair", "--accept", "app/one", "--reason", "x")).exitCode()).isEqualTo(2);
        assertThat(run(f.args("repair", "--accept", "app/1")).exitCode()).isEqualTo(2);
    }

    @Test
    void rehashMovesTheHistoryToSha256() throws Exception {
        SafeFixture f = new SafeFixture(dir).migrated();

        CliRunner.Result r = run(f.args("rehash", "--to", "sha256"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Rehashed 1 history rows of " + f.db + " to sha256").contains("--hash sha256");
        assertThat(run(f.args("validate", "--hash", "sha256")).exitCode()).isZero();
        CliRunner.Result md5 = run(f.args("validate"));
        assertThat(md5.exitCode()).isEqualTo(4);
        assertThat(md5.err()).contains("The history is hashed with sha256 but md5 is configured");
        assertThat(run(f.args("rehash", "--to", "sha1")).exitCode()).isEqualTo(7);
    }
}
