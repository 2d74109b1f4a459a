package io.godwit.cli;

import io.godwit.Godwit;
import io.godwit.GodwitException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * {@code godwit validate}: the CI gate. Exit 0 only when the database is current; otherwise the
 * problem's exit code and one line. Writes nothing and creates no database file.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check that the database is current and consistent (exit 0), writing nothing.")
final class ValidateCommand extends DatabaseCommand {

    @Option(names = "--json", description = "Print JSON on stdout (fields in the README (Command line)); the error line still goes to stderr.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = out();
        Godwit godwit = configure().load();
        String db = godwit.configuration().database().describe();
        try {
            godwit.validate();
        } catch (GodwitException e) {
            if (json) {
                JsonReports.print(out, JsonReports.validation(db, e));
                out.flush();
            }
            throw e; // the one line on stderr and the exit code, as for every error
        }
        if (json) {
            JsonReports.print(out, JsonReports.validation(db, null));
        } else {
            out.println("Database " + db + " is current");
        }
        return 0;
    }
}
