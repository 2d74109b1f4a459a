package io.godwit.cli;

import io.godwit.store.legacy.LegacyImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code godwit import} (alias {@code import-legacy}, its name when it read only the pre-0.4
 * layout): moves a Chroma persist directory, either layout, into a new store. The Chroma files are
 * only read; the new store appears only when the whole import succeeded.
 */
@Command(name = "import", aliases = "import-legacy", mixinStandardHelpOptions = true,
        description = "Import a Chroma persist directory (0.3 DuckDB+Parquet, or 0.4 to 1.x chroma.sqlite3) into a new store.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DIR", required = true,
            description = "The Chroma persist directory (holding chroma.sqlite3, or chroma-collections.parquet).")
    Path from;

    @Option(names = "--path", paramLabel = "DIR",
            description = "Persist directory of the new store (default: ./godwit_data); must hold no store yet.")
    Path path;

    @Override
    public Integer call() {
        Path target = path == null ? DatabaseOptions.DEFAULT_PATH : path;
        LegacyImporter.Report report = LegacyImporter.importInto(from, target);
        spec.commandLine().getOut().println("Imported " + report.collections() + " collections and " + report.records()
                + " records from " + from + " into " + target.resolve(DatabaseOptions.DATABASE_FILE));
        return 0;
    }
}
