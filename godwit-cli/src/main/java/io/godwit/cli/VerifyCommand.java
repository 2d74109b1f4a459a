package io.godwit.cli;

import io.godwit.Godwit;
import io.godwit.GodwitException;
import io.godwit.spi.Database;
import io.godwit.HistoryProblem;
import io.godwit.VerifyReport;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code godwit verify}: the database's own checks and a re-hash of every history row. Exit 0 only
 * when all hold; otherwise the problems on stdout, one line on stderr, exit 4.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the database file, its foreign keys, that no history row was edited and that each"
                + " collection's vector index holds exactly its records (exit 0 when all hold).")
final class VerifyCommand extends DatabaseCommand {

    @Override
    public Integer call() {
        PrintWriter out = out();
        VerifyReport report;
        Database database;
        try (TaskProgress progress = new TaskProgress(cli.terminal(), TaskProgress.DEFAULT_DELAY)) {
            Godwit godwit = configure().progress(progress).load();
            report = godwit.verify();
            database = godwit.configuration().database();
        }
        out.println("Verified " + report.database());
        if (report.integrityChecked()) {
            section(out, "integrity_check", report.integrity());
            section(out, "foreign_key_check", report.foreignKeys());
        } else {
            out.println("  storage checks: not available for this database (its server checks itself)");
        }
        section(out, "history (" + report.historyRowsChecked() + " rows)",
                report.history().stream().map(HistoryProblem::describe).toList());
        List<String> indexProblems = VectorIndexSection.print(out, database);
        if (report.ok() && indexProblems.isEmpty()) {
            out.println("OK");
            return 0;
        }
        int problems = report.integrity().size() + report.foreignKeys().size() + report.history().size()
                + indexProblems.size();
        out.flush();
        spec.commandLine().getErr().println("godwit: verify found " + problems + (problems == 1 ? " problem" : " problems")
                + " in " + report.database() + " (listed on stdout)");
        return GodwitException.EXIT_INCONSISTENT;
    }

    private static void section(PrintWriter out, String name, List<String> problems) {
        out.println("  " + name + ": " + (problems.isEmpty() ? "ok" : problems.size() + " problem(s)"));
        problems.forEach(p -> out.println("    " + p));
    }
}
