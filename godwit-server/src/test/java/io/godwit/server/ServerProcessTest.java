package io.godwit.server;

import io.godwit.store.GetRequest;
import io.godwit.store.GodwitClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as operators run it: a separate JVM through {@link GodwitServer#main}, so that the
 * "Listening on" line, the shutdown hook, the real exit code ({@link System#exit}) and the logging
 * configuration are exercised. Launched from the test classpath, which surefire keeps real. Every
 * wait is bounded; a server that does not answer in time fails the test with its stderr.
 */
class ServerProcessTest {
    private static final Pattern LISTENING = Pattern.compile("Listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path dir;
    private Process process;

    @AfterEach
    void killLeftover() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void aServerProcessServesUntilItIsStoppedAndClosesTheStore() throws Exception {
        Path data = dir.resolve("data");
        Path err = dir.resolve("server.err");
        process = server(err, "--path", data.toString(), "--port", "0");
        int port = listeningPort(err);

        RawHttp http = new RawHttp(java.net.URI.create("http://localhost:" + port));
        assertThat(http.post("/api/v1/collections", "{\"name\":\"books\",\"dimension\":2,\"metadata\":{\"owner\":\"ann\"}}")
                .status()).isEqualTo(201);
        assertThat(http.post("/api/v1/collections/books/add", "{\"ids\":[\"a\",\"b\"],\"embeddings\":[[1,0],[0,1]],"
                + "\"metadatas\":[{\"year\":2001},{}],\"documents\":[\"first\",null]}").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/collections/books/count").json().get("count").asLong()).isEqualTo(2);
        assertThat(http.post("/api/v1/collections/books/query", "{\"query_embeddings\":[[0.9,0.1]],\"n_results\":1}")
                .json().get("ids").get(0).get(0).asText()).isEqualTo("a");

        process.destroy();
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
        String log = Files.readString(err, StandardCharsets.UTF_8);
        // The engine's log lines at start, then the shutdown hook's: time, level, message.
        assertThat(log).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO Applying sysdb/00001-collections\\.sqlite\\.sql ")
                .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO Serving Directory\\[path=.*\\] at http://127\\.0\\.0\\.1:" + port + "$")
                .containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO Stopped$");
        try (GodwitClient local = GodwitClient.persistent(data)) {
            assertThat(local.getCollection("books").orElseThrow().get(GetRequest.ids("a")).documents()).containsExactly("first");
        }
    }

    @Test
    void aServerProcessOnADatabaseAheadOfItsCodeExitsWithTheEnginesCode() throws Exception {
        Path data = dir.resolve("data");
        ServerStartTest.aheadOfTheCode(data);
        Path err = dir.resolve("server.err");
        process = server(err, "--path", data.toString(), "--port", "0");
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the server gives up at once").isTrue();
        assertThat(process.exitValue()).isEqualTo(4);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        assertThat(lines).filteredOn(l -> l.startsWith("godwit-server: ")).singleElement().asString()
                .startsWith("godwit-server: Database is ahead of this code in sysdb: newest applied migration is 00099-future.sqlite.sql");
        assertThat(lines).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));
    }

    private Process server(Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GodwitServer.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(err.toFile()).start();
    }

    /** Reads stdout until the "Listening on" line, within the bounded wait. */
    private int listeningPort(Path err) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.matches()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
                throw new AssertionError("The server ended its output without listening");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return port.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            throw new AssertionError("No 'Listening on' line from the server; its stderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8), e);
        }
    }
}
