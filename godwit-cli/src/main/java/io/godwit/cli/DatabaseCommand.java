package io.godwit.cli;

import io.godwit.GodwitConfiguration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every command on a database shares: the root command (environment, terminal), its own
 * spec (for output and usage errors), and the options that choose the database and the
 * subsystems. picocli reads these annotated fields from the superclass.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    @ParentCommand
    GodwitCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    SubsystemOptions subsystems;

    /** A configuration builder for the chosen database and subsystems. */
    GodwitConfiguration.Builder configure() {
        return cli.configure(database, subsystems);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
