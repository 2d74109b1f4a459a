package io.godwit.server;

import io.godwit.DatabaseAheadError;
import io.godwit.GodwitException;
import io.godwit.store.GodwitClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting: the store is opened (and migrated) before anything listens, so a store the server
 * must not serve stops it with the engine's error; the command line turns errors into one line
 * and the documented exit code. In process: {@link ServerProcessTest} covers the real JVM.
 */
class ServerStartTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err, ServerCommand command) {
    }

    @Test
    void aDatabaseAheadOfTheCodeRefusesToStart() throws Exception {
        aheadOfTheCode(dir);
        assertThatThrownBy(() -> GodwitServer.start(ServerConfig.of(new StoreLocation.Directory(dir)).withPort(0)))
                .isInstanceOfSatisfying(DatabaseAheadError.class, e -> {
                    assertThat(e.subsystem()).isEqualTo("sysdb");
                    assertThat(e.newestApplied()).isEqualTo(99);
                    assertThat(e.newestAppliedFile()).isEqualTo("00099-future.sqlite.sql");
                });

        Run run = run(Map.of(), "--path", dir.toString(), "--port", "0");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).startsWith("godwit-server: Database is ahead of this code in sysdb: newest applied migration is"
                + " 00099-future.sqlite.sql (version 99)");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.command().server()).isEmpty();
    }

    @Test
    void theEnvironmentsMigrationModeReachesTheStore() {
        Path fresh = dir.resolve("fresh");
        Run run = run(Map.of("GODWIT_MIGRATIONS", "validate"), "--path", fresh.toString(), "--port", "0");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("godwit-server: Migrations have not been initialized");
        assertThat(fresh.resolve(GodwitClient.DATABASE_FILE)).doesNotExist();
    }

    @Test
    void aPortInUseIsRefusedOnOneLine() {
        try (GodwitServer first = GodwitServer.start(ServerConfig.of(new StoreLocation.Directory(dir.resolve("a"))).withPort(0))) {
            Run run = run(Map.of(), "--path", dir.resolve("b").toString(), "--port", Integer.toString(first.port()));
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("godwit-server: Cannot listen on 127.0.0.1:" + first.port() + ": ");
            assertThat(run.err().lines()).hasSize(1);
        }
    }

    @Test
    void badUsageExitsWith2() {
        assertThat(run(Map.of(), "--path", "x", "--url", "jdbc:postgresql://127.0.0.1/x"))
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).startsWith("godwit-server: Use only one of --path and --url"));
        assertThat(run(Map.of(), "--url", "jdbc:postgresql://127.0.0.1/x", "--password-env", "GODWIT_TEST_UNSET"))
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("GODWIT_TEST_UNSET named by --password-env is not set"));
        assertThat(run(Map.of(), "--user", "u")).satisfies(r -> assertThat(r.exitCode()).isEqualTo(2));
        assertThat(run(Map.of(), "--port", "70000", "--path", dir.toString()))
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("port must be between 0 and 65535, not 70000"));
        assertThat(run(Map.of(), "--colour")).satisfies(r -> assertThat(r.exitCode()).isEqualTo(2));
        assertThat(run(Map.of(), "--help")).satisfies(r -> assertThat(r.exitCode()).isZero())
                .satisfies(r -> assertThat(r.out()).contains("--password-env=VAR"));
    }

    /** The brief's future row: the store is created, then a migration this code does not know is recorded. */
    static void aheadOfTheCode(Path dir) throws Exception {
        GodwitClient.persistent(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GodwitClient.DATABASE_FILE));
             Statement st = c.createStatement()) {
            st.execute("insert into migrations (dir, version, filename, sql, hash) values"
                    + " ('sysdb', 99, '00099-future.sqlite.sql', 'x', 'x')");
        }
    }

    private static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ServerCommand command = new ServerCommand(environment, false);
        int code = command.execute(new PrintWriter(out), new PrintWriter(err), args);
        command.server().ifPresent(GodwitServer::close);
        return new Run(code, out.toString(), err.toString(), command);
    }
}
