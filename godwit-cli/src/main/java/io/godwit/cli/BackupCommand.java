package io.godwit.cli;

import io.godwit.backup.Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code godwit backup}: an online, consistent copy with its manifest, while others use the database. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the database while it is in use (SQLite; PostgreSQL with pg_dump), with a manifest beside the copy.")
final class BackupCommand extends DatabaseCommand {

    @Option(names = "--to", paramLabel = "FILE",
            description = "Where to write the copy: a new file or a folder (default: the folder backups beside a SQLite file).")
    Path to;

    @Override
    public Integer call() {
        PrintWriter out = out();
        Backup backup;
        try (TaskProgress progress = new TaskProgress(cli.terminal(), TaskProgress.DEFAULT_DELAY)) {
            backup = configure().progress(progress).load().backup(to);
        }
        out.println("Backed up " + backup.manifest().database() + " to " + backup.file());
        out.println("  " + backup.manifest().size() + " bytes, sha256 " + backup.manifest().sha256());
        out.println("  manifest " + backup.manifestFile());
        return 0;
    }
}
