package io.godwit.cli;

import io.godwit.Resolution;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;


/**
 * {@code godwit resolve}: settles a {@code -- godwit:no-transaction} migration that started and did
 * not finish, which {@code migrate} refuses to pass: run it again, or record that an operator
 * completed it by hand. Takes the migration lock.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Settle a no-transaction migration that did not finish: --retry it, or --mark-applied.")
final class ResolveCommand extends DatabaseCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = "--retry", paramLabel = "SUBSYSTEM/VERSION",
                description = "Forget the unfinished attempt; the next migrate runs the file again.")
        String retry;

        @Option(names = "--mark-applied", paramLabel = "SUBSYSTEM/VERSION",
                description = "Record it as applied: its work was completed by hand.")
        String markApplied;
    }

    @Override
    public Integer call() {
        Resolution resolution = choice.retry != null ? Resolution.RETRY : Resolution.MARK_APPLIED;
        String target = choice.retry != null ? choice.retry : choice.markApplied;
        int slash = target.lastIndexOf('/');
        int version;
        try {
            version = Integer.parseInt(target.substring(slash + 1));
        } catch (NumberFormatException e) {
            version = -1;
        }
        if (slash <= 0 || version < 1) {
            throw new ParameterException(spec.commandLine(), "Expected SUBSYSTEM/VERSION, e.g. metadb/5, got '" + target + "'");
        }
        String subsystem = target.substring(0, slash);
        configure().load().resolve(subsystem, version, resolution);
        out().println(resolution == Resolution.RETRY
                ? "Cleared " + target + ": the next migrate runs it again"
                : "Marked " + target + " as applied");
        return 0;
    }
}
