package io.godwit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code godwit import} and its alias, and the refusal of commands pointed at a Chroma directory. */
class ImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void importsALegacyDirectoryIntoACurrentStore() throws Exception {
        Path legacy = Files.createDirectories(dir.resolve("legacy"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT '11111111-1111-1111-1111-111111111111'::UUID AS uuid, 'books' AS name, 'null' AS metadata)"
                    + " TO '" + legacy.resolve("chroma-collections.parquet") + "' (FORMAT PARQUET)");
            st.execute("COPY (SELECT '11111111-1111-1111-1111-111111111111'::UUID AS collection_uuid, gen_random_uuid() AS uuid,"
                    + " [0.5, 0.25]::DOUBLE[] AS embedding, 'doc' AS document, 'a' AS id, NULL::VARCHAR AS metadata)"
                    + " TO '" + legacy.resolve("chroma-embeddings.parquet") + "' (FORMAT PARQUET)");
        }
        Path store = dir.resolve("store");

        CliRunner.Result r = run("import-legacy", "--from", legacy.toString(), "--path", store.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Imported 1 collections and 1 records from " + legacy);
        assertThat(run("validate", "--path", store.toString()).exitCode()).isZero();
        CliRunner.Result again = run("import-legacy", "--from", legacy.toString(), "--path", store.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("godwit: The store already has collections of the names the import would create:"
                + " default_tenant/default_database/books. Nothing was written.");
        assertThat(run("import-legacy").exitCode()).isEqualTo(2);
        Path second = dir.resolve("second");
        CliRunner.Result viaNewName = run("import", "--from", legacy.toString(), "--path", second.toString());
        assertThat(viaNewName.exitCode()).as(viaNewName.err()).isZero();
    }

    @Test
    void commandsOnAChromaDirectoryPointToTheImportAndWriteNothing() throws Exception {
        for (String marker : new String[] {"chroma.sqlite3", "chroma-collections.parquet"}) {
            Path chroma = Files.createDirectories(dir.resolve(marker + "-dir"));
            Files.writeString(chroma.resolve(marker), "whatever Chroma wrote");
            for (String command : new String[] {"migrate", "status", "validate", "plan"}) {
                CliRunner.Result r = run(command, "--path", chroma.toString());
                assertThat(r.exitCode()).as(command + " " + r.err()).isEqualTo(1);
                assertThat(r.err()).as(command).startsWith("godwit: " + chroma + " is a Chroma persist directory (Chroma ")
                        .contains("not a Godwit store; nothing was written. Import it into a new store with `godwit import --from "
                                + chroma + " --path NEW_DIR`");
            }
            try (var files = Files.list(chroma)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(marker);
            }
        }
    }
}
