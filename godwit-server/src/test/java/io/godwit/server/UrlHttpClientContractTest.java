package io.godwit.server;

import io.godwit.store.LegacyStoreClient;
import io.godwit.store.http.HttpGodwitClient;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract on the HTTP client, through a server started by the command line with a SQLite
 * file's JDBC URL: {@code --url} takes any URL the engine does, and SQLite ignores the user and
 * the password. {@link PostgresHttpClientContractTest} runs the same path on PostgreSQL.
 */
class UrlHttpClientContractTest extends StoreClientContract {
    @TempDir
    Path dir;
    private GodwitServer server;

    @Override
    LegacyStoreClient open() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ServerCommand command = new ServerCommand(Map.of("GODWIT_TEST_DB_PASSWORD", "not-used-by-sqlite"), false);
        int code = command.execute(new PrintWriter(out), new PrintWriter(err), "--url", "jdbc:sqlite:" + dir.resolve("store.db"),
                "--user", "godwit", "--password-env", "GODWIT_TEST_DB_PASSWORD", "--port", "0");
        assertThat(code).as(err.toString()).isZero();
        server = command.server().orElseThrow();
        assertThat(out.toString()).isEqualTo("Listening on " + server.uri() + System.lineSeparator());
        return HttpGodwitClient.connect("127.0.0.1", server.port());
    }

    @Override
    void closeStore() {
        server.close();
        assertThat(dir.resolve("store.db")).exists();
    }
}
