package io.godwit.server.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code godwit run} process (a JVM on this test's classpath running the CLI's main), as a user
 * starts it: its {@code Listening on} line read from stdout, stderr kept in a file, stopped with
 * SIGTERM ({@link #stop}) or SIGKILL ({@link #kill}) by its own pid.
 */
final class GodwitRun implements AutoCloseable {
    private static final long START_SECONDS = 120;
    /** A JVM stopped by SIGTERM exits 128 + 15 once its shutdown hooks (the server's drain) are done. */
    static final int STOPPED_BY_SIGTERM = 143;

    private final Process process;
    private final URI uri;
    private final Path stderr;

    private GodwitRun(Process process, URI uri, Path stderr) {
        this.process = process;
        this.uri = uri;
        this.stderr = stderr;
    }

    /** Starts {@code godwit run ARGS} with {@code env} added and waits for its Listening line. */
    static GodwitRun start(Path logDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = launch(logDir, env, args);
        Path err = logDir.resolve("godwit-run.stderr");
        // Its own thread, not the common pool (one thread on a 2-core machine): servers may start at once.
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> firstLine(p), task -> {
            Thread t = new Thread(task, "godwit-run-stdout");
            t.setDaemon(true);
            t.start();
        });
        try {
            String listening = line.get(START_SECONDS, TimeUnit.SECONDS);
            if (listening == null || !listening.startsWith("Listening on ")) {
                p.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("godwit run did not start (" + listening + "): " + Files.readString(err));
            }
            return new GodwitRun(p, URI.create(listening.substring("Listening on ".length()).trim()), err);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("godwit run did not start: " + Files.readString(err), e);
        }
    }

    /** Runs {@code godwit run ARGS} expecting it to refuse to start; its exit code, stderr in {@code logDir}. */
    static int refused(Path logDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = launch(logDir, env, args);
        if (!p.waitFor(START_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("godwit run started although it should have refused");
        }
        return p.exitValue();
    }

    private static Process launch(Path logDir, Map<String, String> env, String... args) throws IOException {
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.godwit.cli.GodwitCli", "run"));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectError(logDir.resolve("godwit-run.stderr").toFile());
        b.environment().putAll(env);
        return b.start();
    }

    private static String firstLine(Process p) {
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            return r.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    URI uri() {
        return uri;
    }

    long pid() {
        return process.pid();
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** SIGTERM, then waits (bounded) for the exit; the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("godwit run did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: the process dies at once, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
