package io.godwit.cli;

import io.godwit.GodwitException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;

/**
 * Turns every failure into one line on stderr, {@code godwit: <message>}, and an exit code: the
 * engine's {@link GodwitException#exitCode()}, 2 for bad usage, 1 for anything else. Scripts and
 * CI pipelines branch on these codes, so they are documented and never change meaning. A stack
 * trace is printed only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println("godwit: " + oneLine(Hints.of(parseResult).apply(message(e))));
        if (verbose(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof GodwitException g ? g.exitCode() : GodwitException.EXIT_OTHER;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("godwit: " + oneLine(e.getMessage()));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return GodwitException.EXIT_USAGE;
    }

    /** The engine's messages are written for users; anything else also needs its type to make sense. */
    private static String message(Exception e) {
        if (e instanceof GodwitException && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean verbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
