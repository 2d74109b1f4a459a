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

class ImportLegacyCommandTest {
    @TempDir
    Path dir;

    @Test
    void importsALegacyDirectoryIntoACurrentStore() throws Exception {
        Path legacy = Files.createDirectories(dir.resolve("legacy"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT '11111111-1111-1111-1111-111111111111'::UUID AS uuid, 'books' AS name, NULL::VARCHAR AS metadata)"
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
        assertThat(again.err()).startsWith("godwit: A Godwit store already exists");
        assertThat(run("import-legacy").exitCode()).isEqualTo(2);
    }
}
