package io.godwit.bench.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A Chroma 0.3 persist directory for the benchmark, written by DuckDB as Chroma 0.3 wrote its own
 * ({@code COPY ... TO ... (FORMAT PARQUET)}): one collection of {@code count} records of
 * {@code dim} random dimensions, each with a document and two metadata values as JSON text.
 */
final class ParquetDirectory {
    private ParquetDirectory() {
    }

    static Path ensure(Path dir, int count, int dim) throws Exception {
        if (Files.isRegularFile(dir.resolve("chroma-embeddings.parquet"))) {
            return dir;
        }
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SELECT setseed(0.42)");
            st.execute("COPY (SELECT '11111111-1111-1111-1111-111111111111'::UUID AS uuid, 'bench' AS name, 'null' AS metadata)"
                    + " TO '" + dir.resolve("chroma-collections.parquet") + "' (FORMAT PARQUET)");
            st.execute("COPY (SELECT '11111111-1111-1111-1111-111111111111'::UUID AS collection_uuid, gen_random_uuid() AS uuid,"
                    + " list_transform(range(" + dim + "), x -> random() * 2 - 1)::DOUBLE[] AS embedding,"
                    + " 'document of r' || i AS document, 'r' || i AS id,"
                    + " '{\"n\": ' || i || ', \"group\": \"g' || (i % 10) || '\"}' AS metadata"
                    + " FROM range(" + count + ") t(i)) TO '" + dir.resolve("chroma-embeddings.parquet") + "' (FORMAT PARQUET)");
        }
        return dir;
    }
}
