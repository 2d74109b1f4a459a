package io.godwit.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Chroma 1.0 server ({@code peer/start.sh}: the Rust server of the npm package in {@code peer/})
 * on a free port with its own persist directory and reset allowed, stopped by {@link #close} through
 * its own process. Needs {@code npm ci --prefix peer} at the repository root, which {@code .ci/run}
 * does; without it {@link #start} fails saying so.
 */
public final class ChromaPeer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final URI uri;

    private ChromaPeer(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    public static ChromaPeer start(Path dir) throws IOException, InterruptedException {
        Path peer = Repository.root().resolve("peer");
        if (!Files.isDirectory(peer.resolve("node_modules/chromadb-js-bindings-linux-x64-gnu"))) {
            throw new IllegalStateException("The Chroma peer is not installed: run 'npm ci --prefix peer' in "
                    + Repository.root() + " (.ci/run does)");
        }
        Files.createDirectories(dir);
        int port = freePort();
        Process p = new ProcessBuilder("bash", peer.resolve("start.sh").toString(), String.valueOf(port),
                dir.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("peer.log").toFile()).start();
        ChromaPeer started = new ChromaPeer(p, URI.create("http://127.0.0.1:" + port));
        started.awaitHeartbeat(dir.resolve("peer.log"));
        return started;
    }

    public URI uri() {
        return uri;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitHeartbeat(Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Chroma peer exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri.resolve("/api/v2/heartbeat"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("The Chroma peer did not answer within " + STARTUP + ": " + Files.readString(log));
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
