package io.godwit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the child JVMs of a run, each with its own tool's class path, and reads back what they
 * measured. A child that fails or runs past its time becomes a reason, never an abort: its output
 * is kept under {@code logs/}.
 */
final class Children {
    private static final Pattern EXCEPTION = Pattern.compile(
            "^(?:Exception in thread \"[^\"]*\" |Caused by: )([\\w.$]+)(?::\\s*(.*))?$");

    /** What a child gave: measured times, or why there are none. */
    record Outcome(List<Long> measured, String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    private final Path logs;
    private final List<String> jvmOptions;

    Children(Path logs, List<String> jvmOptions) throws IOException {
        this.logs = Files.createDirectories(logs);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The options every measured JVM gets (GODWIT_BENCH_JVM_OPTS). */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    /** Runs {@link RowRunner} for {@code tool} with {@code key=value} arguments. */
    Outcome row(String tool, String label, Map<String, String> args, Duration timeout) throws Exception {
        List<String> cmd = java(tool, RowRunner.class.getName());
        args.forEach((k, v) -> cmd.add(k + "=" + v));
        Path log = log(label);
        Process p = start(cmd, log);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            return new Outcome(List.of(), "timed out after " + timeout.toSeconds() + " s");
        }
        List<Long> measured = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("ITER measured ")) {
                measured.add(Long.parseLong(line.substring("ITER measured ".length()).trim()));
            } else if (line.startsWith("FAIL ")) {
                return new Outcome(measured, line.substring(5));
            }
        }
        return p.exitValue() == 0 ? new Outcome(measured, null) : new Outcome(measured, "exit " + p.exitValue() + ", see " + log);
    }

    /**
     * Starts {@code main} as a whole new JVM {@code warmups + runs} times, one after another, and
     * times each from start to exit (the warm-ups fill the OS page cache, as a deployed program's
     * would be). Output is kept in the log.
     */
    Outcome cold(String tool, String label, String main, List<String> args, int warmups, int runs,
                 Duration timeout) throws Exception {
        List<String> cmd = java(tool, main);
        cmd.addAll(args);
        return coldCommand(label, cmd, Map.of(), warmups, runs, timeout);
    }

    /**
     * {@link #cold} for any command (bin/godwit), with extra environment variables. The warm-ups
     * also let the command make what it caches on a first run (bin/godwit's CDS archive).
     */
    Outcome coldCommand(String label, List<String> cmd, Map<String, String> env, int warmups, int runs,
                        Duration timeout) throws Exception {
        Path log = log(label);
        List<Long> measured = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            long start = System.nanoTime();
            Process p = start(cmd, env, log);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                return new Outcome(measured, "timed out after " + timeout.toSeconds() + " s");
            }
            long took = System.nanoTime() - start;
            if (p.exitValue() != 0) {
                return new Outcome(measured, reason(log));
            }
            if (i >= warmups) {
                measured.add(took);
            }
        }
        return new Outcome(measured, null);
    }

    private List<String> java(String tool, String main) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", Classpaths.forTool(tool), main));
        return cmd;
    }

    private Path log(String label) throws IOException {
        Path log = logs.resolve(label.replaceAll("[^A-Za-z0-9_.-]+", "_") + ".log");
        Files.deleteIfExists(log);
        return log;
    }

    private static Process start(List<String> cmd, Path log) throws IOException {
        return start(cmd, Map.of(), log);
    }

    private static Process start(List<String> cmd, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The deepest exception a failed JVM printed, in one line. */
    private static String reason(Path log) throws IOException {
        String found = null;
        for (String line : Files.readAllLines(log)) {
            Matcher m = EXCEPTION.matcher(line.strip());
            if (m.matches()) {
                String cls = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
                found = m.group(2) == null || m.group(2).isBlank() ? cls : m.group(2);
            }
        }
        if (found == null) {
            return "failed, see " + log;
        }
        return found.length() > 140 ? found.substring(0, 137) + "..." : found;
    }
}
