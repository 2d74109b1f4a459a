package io.godwit.cli;

import io.godwit.testing.ChildJvm;
import io.godwit.testing.InUseClientProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** migrate and rehash refuse a store a client process holds in use (exit 6, naming it); --force goes ahead. */
class InUseCommandTest {
    @TempDir
    Path dir;

    @Test
    void aStoreInUseIsRefusedNamingTheClientUnlessForced() throws Exception {
        Path app = dir.resolve("app");
        Fixtures.write(app, "00001-notes.sqlite.sql", "CREATE TABLE notes (id INTEGER);");
        Path db = dir.resolve("g.sqlite3");
        String[] options = {"--db", db.toString(), "--migrations-dir", "app=" + app, "--lock-timeout", "1"};
        assertThat(run(concat("migrate", options)).exitCode()).isZero();

        try (ChildJvm client = ChildJvm.startAndAwaitReady(InUseClientProcess.class, List.of("sqlite:" + db, "app=" + app))) {
            Fixtures.write(app, "00002-bodies.sqlite.sql", "ALTER TABLE notes ADD COLUMN body TEXT;");

            CliRunner.Result refused = run(concat("migrate", options));
            CliRunner.Result rehash = run(concat("rehash", options, "--to", "sha256"));
            CliRunner.Result status = run(concat("status", options));
            CliRunner.Result forced = run(concat("migrate", options, "--force"));

            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(6);
            assertThat(refused.err()).contains("godwit: Cannot migrate " + db.toAbsolutePath())
                    .contains("pid " + client.pid()).contains(InUseClientProcess.COMMAND).contains("--force");
            assertThat(rehash.exitCode()).isEqualTo(6);
            assertThat(rehash.err()).contains("Cannot rehash");
            assertThat(status.out()).contains("app: 1 applied, 1 pending")
                    .contains("In use by 1 client: pid " + client.pid() + " on host ").contains(InUseClientProcess.COMMAND);
            assertThat(forced.exitCode()).as(forced.err()).isZero();
            assertThat(forced.out()).contains("Applied app/00002-bodies.sqlite.sql");
        }
    }

    private static String[] concat(String command, String[] options, String... more) {
        String[] all = new String[1 + options.length + more.length];
        all[0] = command;
        System.arraycopy(options, 0, all, 1, options.length);
        System.arraycopy(more, 0, all, 1 + options.length, more.length);
        return all;
    }
}
