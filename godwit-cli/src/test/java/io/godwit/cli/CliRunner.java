package io.godwit.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * Runs the godwit command inside the test JVM, as {@code main} would but with an explicit
 * environment and terminal (the test JVM's own are never read or changed), capturing stdout and
 * stderr.
 */
final class CliRunner {
    private CliRunner() {
    }

    record Result(int exitCode, String out, String err) {
        /** The non-empty stderr lines. */
        java.util.List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Result run(String... args) {
        return run(Map.of(), Terminal.none(), args);
    }

    static Result run(Map<String, String> environment, String... args) {
        return run(environment, Terminal.none(), args);
    }

    static Result run(Map<String, String> environment, Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = GodwitCli.commandLine(environment, terminal);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
