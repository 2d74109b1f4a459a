package io.godwit.server.it;

import io.godwit.store.GetRequest;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.http.HttpGodwitClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code godwit run} as a process: its one Listening line, SIGTERM letting a request in flight finish
 * (and answer) before the store closes, refusals at start with their exit codes and one-line messages.
 */
class RunCommandProcessTest {
    @TempDir
    Path dir;

    @Test
    void sigtermLetsTheRequestInFlightFinishThenStops() throws Exception {
        Path data = dir.resolve("data");
        GodwitRun run = GodwitRun.start(dir.resolve("run1"), Map.of(), "--path", data.toString(), "--port", "0");
        String id;
        try (run) {
            assertThat(run.uri().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            StoreClient client = HttpGodwitClient.connect(run.uri(), null, Duration.ofSeconds(30));
            StoreCollection c = client.getOrCreateCollection("drain");
            id = c.id().toString();
            byte[] body = "{\"ids\": [\"late\"], \"embeddings\": [[1, 2, 3]], \"documents\": [\"sent during shutdown\"]}"
                    .getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket(run.uri().getHost(), run.uri().getPort())) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v2/tenants/default_tenant/databases/default_database/collections/" + id
                        + "/add HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                assertThat(client.heartbeat()).isPositive();   // the first request's headers were read before this answer
                ProcessHandle.of(run.pid()).orElseThrow().destroy();   // SIGTERM while the add is in flight
                Thread.sleep(500);
                out.write(body, 10, body.length - 10);
                out.flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                in.transferTo(answer);
                assertThat(answer.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 201");
            }
            assertThat(run.stop()).isEqualTo(GodwitRun.STOPPED_BY_SIGTERM);
            assertThat(run.stderr()).contains("Stopped").doesNotContain("Exception");
        }
        try (GodwitRun again = GodwitRun.start(dir.resolve("run2"), Map.of(), "--path", data.toString(), "--port", "0")) {
            StoreClient client = HttpGodwitClient.connect(again.uri(), null, Duration.ofSeconds(30));
            StoreCollection c = client.getCollection("drain").orElseThrow();
            assertThat(c.get(GetRequest.ids("late")).documents()).containsExactly("sent during shutdown");
            assertThat(again.stop()).isEqualTo(GodwitRun.STOPPED_BY_SIGTERM);
        }
    }

    @Test
    void aDatabaseAheadOfTheCodeRefusesToStartWithExitCode4() throws Exception {
        Path data = dir.resolve("data");
        try (GodwitRun first = GodwitRun.start(dir.resolve("run1"), Map.of(), "--path", data.toString(), "--port", "0")) {
            assertThat(first.stop()).isEqualTo(GodwitRun.STOPPED_BY_SIGTERM);
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("godwit.sqlite3"))) {
            db.createStatement().executeUpdate("INSERT INTO migrations (dir, version, filename, sql, hash)"
                    + " VALUES ('sysdb', 99, '00099-future.sqlite.sql', '', 'x')");
        }
        Path logs = dir.resolve("run2");
        assertThat(GodwitRun.refused(logs, Map.of(), "--path", data.toString(), "--port", "0")).isEqualTo(4);
        assertThat(java.nio.file.Files.readString(logs.resolve("godwit-run.stderr")))
                .contains("godwit: Database is ahead of this code").doesNotContain("\tat ");
    }

    @Test
    void aNonLoopbackAddressWithoutATokenIsBadUsage() throws Exception {
        Path logs = dir.resolve("run");
        assertThat(GodwitRun.refused(logs, Map.of(), "--path", dir.resolve("data").toString(), "--host", "0.0.0.0",
                "--port", "0")).isEqualTo(2);
        assertThat(java.nio.file.Files.readString(logs.resolve("godwit-run.stderr")))
                .contains("godwit: Refusing to listen on 0.0.0.0 without a token");
    }

    @Test
    void aTokenFromTheEnvironmentGuardsTheServer() throws Exception {
        try (GodwitRun run = GodwitRun.start(dir.resolve("run"), Map.of("MY_TOKEN", "t0ken"), "--path",
                dir.resolve("data").toString(), "--port", "0", "--auth-token-env", "MY_TOKEN")) {
            StoreClient none = HttpGodwitClient.connect(run.uri(), null, Duration.ofSeconds(30));
            assertThat(none.heartbeat()).isPositive();
            org.assertj.core.api.Assertions.assertThatThrownBy(none::version)
                    .hasMessageContaining("needs a token");
            StoreClient with = HttpGodwitClient.connect(run.uri(), "t0ken", Duration.ofSeconds(30));
            assertThat(with.version()).isNotBlank();
            assertThat(run.stop()).isEqualTo(GodwitRun.STOPPED_BY_SIGTERM);
        }
    }
}
