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

    /** One command of {@link #coldRounds}: its log's label, its command line, extra environment variables. */
    record ColdCommand(String label, List<String> cmd, Map<String, String> env) {
    }

    /** The command line of {@code main} in a new JVM with {@code tool}'s class path, for {@link #coldRounds}. */
    ColdCommand coldJava(String tool, String label, String main, List<String> args) {
        List<String> cmd = java(tool, main);
        cmd.addAll(args);
        return new ColdCommand(label, cmd, Map.of());
    }

    /**
     * Each command started as a whole new process {@code warmups} times untimed (they fill the OS page
     * cache, as a deployed program's would be), then in {@code runs} rounds that start every command
     * once, the order turned by one each round, timed from start to exit; output kept in its log. Interleaved, the
     * tools compared share the machine's load as it comes and goes (on a shared machine it doubles
     * within minutes); one tool after another, each would see another load. A command that fails
     * or times out stops there; the others go on. Outcomes in the order of {@code commands}.
     */
    List<Outcome> coldRounds(List<ColdCommand> commands, int warmups, int runs, Duration timeout) throws Exception {
        int n = commands.size();
        List<Path> logs = new ArrayList<>();
        List<List<Long>> measured = new ArrayList<>();
        String[] failures = new String[n];
        for (ColdCommand c : commands) {
            logs.add(log(c.label()));
            measured.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int w = 0; w < warmups && failures[i] == null; w++) {
                failures[i] = once(commands.get(i), logs.get(i), timeout, null);
            }
        }
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < n; k++) {
                int i = (k + r) % n;
                if (failures[i] == null) {
                    failures[i] = once(commands.get(i), logs.get(i), timeout, measured.get(i));
                }
            }
        }
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Outcome(measured.get(i), failures[i]));
        }
        return out;
    }

    /** Runs {@code c} once; adds its time to {@code times} unless null; the failure, or null. */
    private static String once(ColdCommand c, Path log, Duration timeout, List<Long> times) throws Exception {
        long start = System.nanoTime();
        Process p = start(c.cmd(), c.env(), log);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            return "timed out after " + timeout.toSeconds() + " s";
        }
        long took = System.nanoTime() - start;
        if (p.exitValue() != 0) {
            return reason(log);
        }
        if (times != null) {
            times.add(took);
        }
        return null;
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
