package io.godwit.cli;

import io.godwit.AppliedMigration;
import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.MigrateResult;
import io.godwit.MigrationMode;
import io.godwit.PlannedMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;

/** {@code godwit migrate}: applies what is pending, all or nothing, and says what it applied. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending migrations (mode apply), or check (validate), or do nothing (none).")
final class MigrateCommand extends ChangingCommand {

    @Mixin
    SelectionOptions selection;

    @Option(names = "--mode", paramLabel = "MODE", converter = ModeConverter.class,
            description = "apply (default), validate or none. Overrides GODWIT_MIGRATIONS.")
    MigrationMode mode;

    @Option(names = "--transaction-per-migration",
            description = "Each migration in its own transaction (for a very long chain); a failure keeps the earlier ones.")
    boolean transactionPerMigration;

    @Option(names = "--confirm", description = "Confirm migrations marked `-- godwit:confirm` without asking.")
    boolean confirm;

    @Option(names = "--no-backup", description = "Take no automatic backup of a SQLite database before applying.")
    boolean noBackup;

    @Option(names = "--keep-backups", paramLabel = "N",
            description = "How many automatic backups to keep in the folder backups (default: 3).")
    Integer keepBackups;

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (keepBackups != null && keepBackups < 1) {
            throw new ParameterException(spec.commandLine(), "--keep-backups must be at least 1, got " + keepBackups
                    + "; to take none, use --no-backup");
        }
        try (ProgressDisplay progress = new ProgressDisplay(cli.terminal(), ProgressDisplay.DEFAULT_DELAY);
             TaskProgress backupProgress = new TaskProgress(cli.terminal(), TaskProgress.DEFAULT_DELAY)) {
            GodwitConfiguration.Builder builder = configure()
                    .transactionPerMigration(transactionPerMigration)
                    .confirm(confirm)
                    .listener(progress)
                    .autoBackup(!noBackup)
                    .progress(backupProgress);
            if (keepBackups != null) {
                builder.backupsToKeep(keepBackups);
            }
            selection.applyTo(builder);
            if (mode != null) {
                builder.mode(mode);
            }
            Godwit godwit = builder.load();
            if (!confirm && godwit.configuration().mode() == MigrationMode.APPLY && cli.terminal().interactive()
                    && new Confirmation(cli.terminal(), out).obtain(godwit.plan())) {
                godwit = builder.confirm(true).load();
            }
            MigrateResult result = godwit.migrate();
            progress.close(); // the bar's last frame before the summary
            report(out, godwit.configuration().mode(), result);
        }
        return 0;
    }

    private static void report(PrintWriter out, MigrationMode mode, MigrateResult result) {
        result.backupFile().ifPresent(b -> out.println("Backed up the database before migrating: " + b));
        for (AppliedMigration m : result.applied()) {
            out.println("Applied " + m.subsystem() + "/" + m.filename() + " in " + Durations.format(m.duration())
                    + (m.empty() ? "  [WARNING: empty: it " + PlannedMigration.EMPTY_WARNING + "; was the SQL saved in it?]" : ""));
        }
        int n = result.applied().size();
        if (mode == MigrationMode.NONE) {
            out.println("Mode none: nothing checked, nothing applied");
        } else if (n == 0) {
            out.println("Database is current: nothing to apply");
        } else {
            out.println("Applied " + n + (n == 1 ? " migration" : " migrations") + " in " + Durations.format(result.duration()));
        }
    }

    /** apply, validate or none, case-insensitively; anything else is bad usage. */
    static final class ModeConverter implements ITypeConverter<MigrationMode> {
        @Override
        public MigrationMode convert(String value) {
            try {
                return MigrationMode.parse(value);
            } catch (GodwitException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
