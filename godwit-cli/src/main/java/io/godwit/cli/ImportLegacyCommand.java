package io.godwit.cli;

import io.godwit.store.legacy.LegacyImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code godwit import-legacy}: moves a pre-0.4 DuckDB+Parquet persist directory into a new
 * store, as Chroma's {@code chroma-migrate} did. The legacy files are only read; the new store
 * appears only when the whole import succeeded.
 */
@Command(name = "import-legacy", mixinStandardHelpOptions = true,
        description = "Import a legacy DuckDB+Parquet persist directory into a new store.")
final class ImportLegacyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DIR", required = true,
            description = "The legacy persist directory (holding chroma-collections.parquet).")
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
