package io.godwit.cli;

import io.godwit.Godwit;
import io.godwit.GodwitException;
import io.godwit.backup.RestorePlan;
import io.godwit.backup.RestoreResult;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The shared flow of restore and rollback: say what will be lost, ask, then do it. A script gets
 * no question: it must say {@code --yes}, or nothing happens (exit 2), so that no pipeline replaces
 * a database by accident.
 */
final class RestoreConfirmation {
    private RestoreConfirmation() {
    }

    static RestoreResult run(CommandSpec spec, Terminal terminal, Godwit godwit, Supplier<RestorePlan> plan, boolean yes) {
        PrintWriter out = spec.commandLine().getOut();
        if (!yes && !terminal.interactive()) {
            throw new ParameterException(spec.commandLine(), "This replaces the database: at a terminal you are asked"
                    + " first; in a script add --yes");
        }
        RestorePlan p = plan.get();
        RestorePlanText.print(out, p);
        out.flush();
        if (!yes) {
            String answer = terminal.ask("Replace " + p.database() + " with this backup? [y/N] ");
            if (answer == null || !List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
                throw new GodwitException("Not restored: the answer was not yes. Nothing was changed.");
            }
        }
        return godwit.restore(p);
    }
}
