package io.godwit.cli;

import io.godwit.GodwitConfiguration;
import picocli.CommandLine.Option;

/**
 * A command that changes the store's schema or swaps its database (migrate, restore, rollback,
 * rehash, repair): it needs the store not in use, and takes {@code --force} to skip that check.
 */
abstract class ChangingCommand extends DatabaseCommand {

    @Option(names = "--force", description = "Change the store even while clients hold it in use (a `godwit run` server,"
            + " an application's client). They then run on a schema or a file they do not know: their statements may fail,"
            + " or write what the new schema misreads; after a restore a SQLite client may keep writing to the replaced file."
            + " Stop them instead. See README (Versions and upgrades).")
    boolean force;

    @Override
    GodwitConfiguration.Builder configure() {
        return super.configure().force(force);
    }
}
