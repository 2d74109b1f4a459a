package io.godwit.server;

import io.godwit.store.LegacyStoreClient;
import io.godwit.store.http.HttpGodwitClient;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract on the HTTP client, through a server on a PostgreSQL store, started by the command
 * line's {@code --url}, {@code --user} and {@code --password-env}: the password comes only from the
 * environment given to the command. Each test gets a new database (see {@link TestPostgres}).
 */
class PostgresHttpClientContractTest extends StoreClientContract {
    private GodwitServer server;

    @Override
    LegacyStoreClient open() {
        TestDatabase db = TestPostgres.get().createDatabase();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ServerCommand command = new ServerCommand(Map.of("GODWIT_TEST_DB_PASSWORD", db.password()), false);
        int code = command.execute(new PrintWriter(out), new PrintWriter(err),
                "--url", db.url(), "--user", db.user(), "--password-env", "GODWIT_TEST_DB_PASSWORD", "--port", "0");
        assertThat(code).as(err.toString()).isZero();
        server = command.server().orElseThrow();
        assertThat(out.toString()).isEqualTo("Listening on " + server.uri() + System.lineSeparator());
        return HttpGodwitClient.connect("127.0.0.1", server.port());
    }

    @Override
    void closeStore() {
        server.close();
    }
}
