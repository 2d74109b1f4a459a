package io.godwit.bench.server;

import io.godwit.store.StoreClient;
import io.godwit.store.http.HttpGodwitClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server process of the benchmark, Godwit's ({@code bin/godwit run}: the launcher, with the JVM
 * settings a user gets, which execs the JVM) or the Chroma peer ({@code peer/start.sh}, which execs
 * node), on a fixed port (so clients reconnect to a restarted one), stopped or killed by its own pid.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    final URI uri;

    private ServerProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    static ServerProcess godwit(Path repo, Path data, int port, Path log) throws IOException, InterruptedException {
        List<String> command = List.of("bash", repo.resolve("bin/godwit").toString(), "run", "--path", data.toString(),
                "--port", String.valueOf(port));
        return start(command, port, log);
    }

    static ServerProcess peer(Path repo, Path data, int port, Path log) throws IOException, InterruptedException {
        return start(List.of("bash", repo.resolve("peer/start.sh").toString(), String.valueOf(port), data.toString()),
                port, log);
    }

    private static ServerProcess start(List<String> command, int port, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServerProcess server = new ServerProcess(p, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(command + " exited with " + p.exitValue() + "; see " + log);
            }
            try {
                server.client().heartbeat();
                return server;
            } catch (RuntimeException notYet) {
                Thread.sleep(200);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not answer within 120 s; see " + log);
    }

    StoreClient client() {
        return HttpGodwitClient.connect(uri, null, Duration.ofSeconds(60));
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory in MB now, from /proc (the pid is the JVM or node itself: both launchers exec); -1 when unknown. */
    long rssMegabytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
