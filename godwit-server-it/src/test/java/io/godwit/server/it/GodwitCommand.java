package io.godwit.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code godwit COMMAND ...} run as its own process (a JVM on this test's class path running the
 * CLI's main), as an operator runs it beside a server: its exit code, stdout and stderr.
 */
record GodwitCommand(int exitCode, String out, String err) {
    private static final long SECONDS = 120;

    static GodwitCommand run(Path logDir, String... args) throws IOException, InterruptedException {
        return run(logDir, Map.of(), args);
    }

    /** Runs {@code godwit ARGS} with {@code env} added to this process's environment. */
    static GodwitCommand run(Path logDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path out = Files.createTempFile(logDir, "godwit-" + args[0] + "-", ".stdout");
        Path err = Files.createTempFile(logDir, "godwit-" + args[0] + "-", ".stderr");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.godwit.cli.GodwitCli"));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        b.environment().putAll(env);
        Process p = b.start();
        if (!p.waitFor(SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("godwit " + String.join(" ", args) + " did not finish within " + SECONDS + " s");
        }
        return new GodwitCommand(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static java.io.File nullFile() {
        return new java.io.File("/dev/null");
    }
}
