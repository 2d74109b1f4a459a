package io.godwit.cli;

import io.godwit.Plan;
import io.godwit.PlannedMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code godwit plan}: a dry run, what {@code migrate} would apply, file by file. Changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Dry run: list what migrate would apply, in order, optionally with the SQL. Changes nothing.")
final class PlanCommand extends DatabaseCommand {

    @Mixin
    SelectionOptions selection;

    @Option(names = "--sql", description = "Show each migration's SQL.")
    boolean sql;

    @Option(names = "--json", description = "Print JSON (fields in the README (Command line)).")
    boolean json;

    @Override
    public Integer call() {
        var builder = configure();
        selection.applyTo(builder);
        Plan plan = builder.load().plan();
        PrintWriter out = out();
        if (json) {
            JsonReports.print(out, JsonReports.plan(plan, sql));
        } else {
            print(out, plan);
        }
        return 0;
    }

    private void print(PrintWriter out, Plan plan) {
        if (plan.isEmpty()) {
            out.println("Database " + plan.database() + " is current: nothing to apply");
            return;
        }
        int n = plan.migrations().size();
        out.println("Plan for " + plan.database() + ": " + n + (n == 1 ? " migration" : " migrations") + " to apply");
        for (PlannedMigration m : plan.migrations()) {
            out.println("  " + m.subsystem() + "/" + m.filename() + StatusText.flags(m));
            if (sql) {
                m.sql().strip().lines().forEach(line -> out.println("      " + line));
                out.println();
            }
        }
    }
}
