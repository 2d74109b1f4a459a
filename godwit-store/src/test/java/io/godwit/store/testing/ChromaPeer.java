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
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Chroma 1.0 server (the peer that tests and benchmarks compare Godwit with), started from
 * {@code peer/start.sh} on a free port, persisting to a new temporary folder, with reset allowed.
 * {@link #start()} returns once it answers its heartbeat; {@link #close()} stops it by its process id
 * and removes the folder. Needs {@code npm ci --prefix peer} (which {@code .ci/run} does): without it,
 * {@link #start()} fails saying so.
 *
 * <pre>{@code
 * try (ChromaPeer peer = ChromaPeer.start()) {
 *     HttpRequest.newBuilder(peer.uri().resolve("/api/v2/heartbeat"))...
 * }
 * }</pre>
 */
public final class ChromaPeer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final Path data;
    private final Path log;
    private final int port;

    private ChromaPeer(Process process, Path data, Path log, int port) {
        this.process = process;
        this.data = data;
        this.log = log;
        this.port = port;
    }

    /** The peer's folder in this checkout: {@code peer/} of the first parent of the working directory that has one. */
    public static Path peerDirectory() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("peer/start.sh"))) {
                return p.resolve("peer");
            }
        }
        throw new IllegalStateException("No peer/start.sh above " + Path.of("").toAbsolutePath()
                + ": run the tests from a Godwit checkout");
    }

    public static ChromaPeer start() {
        Path peer = peerDirectory();
        if (!Files.isDirectory(peer.resolve("node_modules/chromadb-js-bindings-linux-x64-gnu"))) {
            throw new IllegalStateException("The Chroma peer is not installed: run `npm ci --prefix peer` in "
                    + peer.getParent() + " (CI's .ci/run does), then run the tests again");
        }
        try {
            Path data = Files.createTempDirectory("chroma-peer");
            Path log = data.resolveSibling(data.getFileName() + ".log");
            int port = freePort();
            Process p = new ProcessBuilder("bash", peer.resolve("start.sh").toString(), String.valueOf(port),
                    data.resolve("data").toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ChromaPeer started = new ChromaPeer(p, data, log, port);
            started.awaitHeartbeat();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Chroma peer: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitHeartbeat() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException("The Chroma peer exited with " + process.exitValue() + ": " + output());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri().resolve("/api/v2/heartbeat"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep();
        }
        String output = output();
        close();
        throw new IllegalStateException("The Chroma peer did not answer its heartbeat within " + STARTUP.toSeconds()
                + " s on port " + port + ": " + output);
    }

    private String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    /** The peer's resident memory in bytes (its process tree), for benchmarks; 0 when unknown. */
    public long residentBytes() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).mapToLong(ChromaPeer::rss).sum();
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

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(data);
        deleteQuietly(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path p) {
        try (Stream<Path> all = Files.walk(p)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // already gone
        }
    }
}
