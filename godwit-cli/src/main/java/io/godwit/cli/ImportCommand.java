package io.godwit.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;
import io.godwit.store.importer.ChromaImporter;
import io.godwit.store.importer.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code godwit import} (alias {@code import-legacy}, its name when it read only the pre-0.4
 * layout): imports a Chroma persist directory, either layout, into a new store or, when no
 * collection name clashes, an existing one (a directory's, or a PostgreSQL database's), then
 * verifies every record. The Chroma files are only read; see {@link ChromaImporter} for why an
 * interrupted import leaves no store that looks complete.
 */
@Command(name = "import", aliases = "import-legacy", mixinStandardHelpOptions = true,
        description = "Import a Chroma persist directory (0.3 DuckDB+Parquet, or 0.4 to 1.x chroma.sqlite3) into a store,"
                + " verifying every record.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    GodwitCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DIR", required = true,
            description = "The Chroma persist directory (holding chroma.sqlite3, or chroma-collections.parquet).")
    Path from;

    @Option(names = "--path", paramLabel = "DIR",
            description = "Persist directory of the store (default: ./godwit_data): a new store, or an existing one to add to.")
    Path path;

    @Option(names = "--url", paramLabel = "JDBC_URL", description = "An existing PostgreSQL store to add to (jdbc:postgresql:...).")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user (with --url).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Environment variable that holds the password (with --url; default: PGPASSWORD).")
    String passwordVariable;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (path != null && url != null) {
            throw new ParameterException(spec.commandLine(), "Use only one of --path and --url");
        }
        ImportReport report;
        try (RecordProgress progress = new RecordProgress(cli.terminal())) {
            report = url != null ? intoPostgres(progress) : intoDirectory(path == null ? DatabaseOptions.DEFAULT_PATH : path, progress);
        }
        print(spec.commandLine().getOut(), report);
        return 0;
    }

    private ImportReport intoDirectory(Path dir, RecordProgress progress) {
        if (Files.exists(dir.resolve(DatabaseOptions.DATABASE_FILE))) {
            try (GodwitClient client = GodwitClient.persistent(dir)) {
                return ChromaImporter.intoStore(from, client, dir.resolve(DatabaseOptions.DATABASE_FILE).toString(), progress);
            }
        }
        return ChromaImporter.intoNewStore(from, dir, DatabaseOptions.DATABASE_FILE, d -> GodwitClient.persistent(d),
                progress);
    }

    private ImportReport intoPostgres(RecordProgress progress) {
        String variable = passwordVariable == null ? DatabaseOptions.DEFAULT_PASSWORD_VARIABLE : passwordVariable;
        String password = cli.environment().get(variable);
        if (password == null && passwordVariable != null) {
            throw new ParameterException(spec.commandLine(), "The environment variable " + variable
                    + " named by --password-env is not set");
        }
        try (GodwitClient client = GodwitClient.postgres(url, user, password, Settings.defaults())) {
            return ChromaImporter.intoStore(from, client, url.replaceAll("\\?.*", ""), progress);
        }
    }

    private void print(PrintWriter out, ImportReport report) {
        if (json) {
            JsonReports.print(out, json(report));
            return;
        }
        out.println("Imported " + report.collections().size() + " collections and " + report.records() + " records from "
                + report.source() + " into " + report.target() + "; every record verified against the source.");
        out.println("Source: " + report.writtenBy());
        for (ImportReport.CollectionReport c : report.collections()) {
            out.println("  " + c.collection() + ": " + c.storeRecords() + " records (source: " + c.sourceRecords() + ")");
        }
    }

    /** {@code godwit import --json}: snake_case, every field present, fields only ever added. */
    static ObjectNode json(ImportReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("source", report.source());
        root.put("written_by", report.writtenBy());
        root.put("target", report.target());
        root.put("records", report.records());
        root.put("verified", true);
        root.put("seconds", report.seconds());
        var collections = root.putArray("collections");
        for (ImportReport.CollectionReport c : report.collections()) {
            collections.addObject().put("collection", c.collection()).put("source_records", c.sourceRecords())
                    .put("store_records", c.storeRecords());
        }
        return root;
    }
}
