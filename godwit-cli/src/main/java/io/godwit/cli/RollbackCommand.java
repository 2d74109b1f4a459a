package io.godwit.cli;

import io.godwit.Godwit;
import io.godwit.backup.RestoreResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;


/**
 * {@code godwit rollback}: restores the automatic backup taken before the last upgrade. Always
 * says first which migrations are undone and how many rows are lost; asks unless {@code --yes}.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restore the automatic backup taken before the last upgrade, after showing what will be lost.")
final class RollbackCommand extends ChangingCommand {

    @Option(names = "--yes", description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() {
        RestoreResult result;
        Godwit godwit;
        try (TaskProgress progress = new TaskProgress(cli.terminal(), TaskProgress.DEFAULT_DELAY)) {
            godwit = configure().progress(progress).load();
            result = RestoreConfirmation.run(spec, cli.terminal(), godwit, godwit::planRollback, yes);
        }
        RestorePlanText.printResult(out(), result);
        NewEpoch.after(godwit.configuration().database(), out());
        out().println("Run the Godwit version that matches the restored schema: a newer one upgrades it again.");
        return 0;
    }
}
