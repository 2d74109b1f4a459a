package io.godwit.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Chroma 1.0 server (the Rust server of the npm package in {@code peer/}, started by
 * {@code peer/start.sh}) for differential tests: its own persist directory and a free port, reset
 * allowed, stopped by {@link #close} (by its process, never by name). It needs
 * {@code npm ci --prefix peer} at the repository root, which {@code .ci/run} does; without it
 * {@link #start} fails saying so.
 */
public final class ChromaPeer implements AutoCloseable {
    /** The API prefix of the default tenant and database. */
    public static final String DATABASE = "/api/v2/tenants/default_tenant/databases/default_database";
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ChromaPeer(Process process, int port) {
        this.process = process;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts a peer persisting to {@code dir} (its log goes to {@code dir/peer.log}) and waits for its heartbeat. */
    public static ChromaPeer start(Path dir) throws IOException, InterruptedException {
        Path script = repositoryRoot().resolve("peer/start.sh");
        if (!Files.isDirectory(script.getParent().resolve("node_modules/chromadb-js-bindings-linux-x64-gnu"))) {
            throw new IllegalStateException("The Chroma peer is not installed: run 'npm ci --prefix peer' at "
                    + script.getParent().getParent() + " (.ci/run does)");
        }
        Files.createDirectories(dir);
        int port = freePort();
        Process p = new ProcessBuilder("bash", script.toString(), String.valueOf(port), dir.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("peer.log").toFile()).start();
        ChromaPeer peer = new ChromaPeer(p, port);
        peer.awaitHeartbeat(dir.resolve("peer.log"));
        return peer;
    }

    /** Starts a peer persisting to a new temporary folder (left for the OS to clean), as {@link #start(Path)}. */
    public static ChromaPeer start() throws IOException, InterruptedException {
        return start(Files.createTempDirectory("chroma-peer"));
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return base;
    }

    public URI uri() {
        return URI.create(base);
    }

    public int port() {
        return port;
    }

    /** The resident memory of the peer's processes in bytes (Linux {@code /proc}), for benchmarks; 0 when unknown. */
    public long residentBytes() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
                .mapToLong(ChromaPeer::rss).sum();
    }

    private static long rss(ProcessHandle h) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(h.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** POSTs {@code json} as it is (so {@code 5.0} stays a float) to {@code path} under {@link #baseUrl}. */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHeartbeat(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Chroma peer exited with " + process.exitValue() + "; its log: "
                        + Files.readString(log));
            }
            try {
                HttpRequest ping = HttpRequest.newBuilder(URI.create(base + "/api/v2/heartbeat"))
                        .timeout(Duration.ofSeconds(2)).build();
                if (http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("The Chroma peer did not answer its heartbeat within " + STARTUP
                + " on " + base + "; its log: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The checkout's root: the nearest directory above the working directory holding {@code peer/start.sh}. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("peer/start.sh"))) {
                return p;
            }
        }
        throw new UncheckedIOException(new IOException("no peer/start.sh above " + Path.of("").toAbsolutePath()));
    }
}
