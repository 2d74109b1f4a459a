package io.godwit.cli;

import io.godwit.Godwit;
import io.godwit.backup.RestoreResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code godwit restore --from FILE}: checks the backup against its manifest, refuses while the
 * database is in use, swaps it in atomically and keeps the replaced database. At a terminal it
 * first shows what will be lost and asks; {@code --yes} skips both (and the extra read of the
 * backup they need).
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replace the database with a backup, after checking it and showing what will be lost.")
final class RestoreCommand extends ChangingCommand {

    @Option(names = "--from", paramLabel = "FILE", required = true, description = "The backup file (its .manifest beside it).")
    Path from;

    @Option(names = "--yes", description = "Do not ask; do not show what will be lost.")
    boolean yes;

    @Override
    public Integer call() {
        RestoreResult result;
        Godwit godwit;
        try (TaskProgress progress = new TaskProgress(cli.terminal(), TaskProgress.DEFAULT_DELAY)) {
            godwit = configure().progress(progress).load();
            result = yes ? godwit.restore(from)
                    : RestoreConfirmation.run(spec, cli.terminal(), godwit, () -> godwit.planRestore(from), false);
        }
        RestorePlanText.printResult(out(), result);
        NewEpoch.after(godwit.configuration().database(), out());
        return 0;
    }
}
