package io.godwit.cli;

import io.godwit.GodwitException;
import io.godwit.StatusReport;
import io.godwit.SubsystemStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * {@code godwit status}: every subsystem's applied and pending migrations and problems. Reads
 * only, so it is safe on any database, a Chroma one included; the engine never writes here.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show applied and pending migrations and any problem, per subsystem. Writes nothing.")
final class StatusCommand extends DatabaseCommand {

    @Option(names = "--json", description = "Print JSON (fields in the README (Command line)).")
    boolean json;

    @Override
    public Integer call() {
        StatusReport report = configure().load().status();
        PrintWriter out = out();
        if (json) {
            JsonReports.print(out, JsonReports.status(report));
        } else {
            StatusText.print(out, report, Hints.of(spec.commandLine().getParseResult()));
        }
        return exitCode(report);
    }

    /** 0 when current; 4 for another tool's history; else the first problem's code (4 when inconsistent); else 3 (pending or uninitialized). */
    static int exitCode(StatusReport report) {
        if (report.current()) {
            return 0;
        }
        if (report.origin() != null) {
            return GodwitException.EXIT_INCONSISTENT; // another tool's history, as validate reports it
        }
        return report.subsystems().stream().map(SubsystemStatus::problem).filter(Objects::nonNull)
                .map(GodwitException::exitCode).findFirst().orElse(GodwitException.EXIT_NOT_CURRENT);
    }
}
