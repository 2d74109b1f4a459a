package io.godwit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A Chroma 0.3 persist directory written by DuckDB as Chroma 0.3 wrote its own
 * ({@code COPY ... TO ... (FORMAT PARQUET)}): {@code collections} collections {@code c00, c01, ...}
 * of {@code records} records each (8 dimensions, a document, metadata as JSON text), made the same
 * on every call.
 */
final class ParquetSource {
    private ParquetSource() {
    }

    static Path write(Path dir, int collections, int records) throws Exception {
        Files.createDirectories(dir);
        String uuid = "('00000000-0000-0000-0000-' || lpad(CAST(%s AS VARCHAR), 12, '0'))::UUID";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT " + uuid.formatted("k") + " AS uuid, 'c' || lpad(CAST(k AS VARCHAR), 2, '0') AS name,"
                    + " 'null' AS metadata FROM range(" + collections + ") t(k))"
                    + " TO '" + dir.resolve("chroma-collections.parquet") + "' (FORMAT PARQUET)");
            st.execute("COPY (SELECT " + uuid.formatted("k") + " AS collection_uuid, " + uuid.formatted("1000000 + k * 10000 + i")
                    + " AS uuid, list_transform(range(8), x -> CAST((k * 31 + i * 7 + x) % 13 AS DOUBLE) - 6)::DOUBLE[] AS embedding,"
                    + " 'document ' || i AS document, 'r' || i AS id, '{\"n\": ' || i || '}' AS metadata"
                    + " FROM range(" + collections + ") a(k), range(" + records + ") b(i))"
                    + " TO '" + dir.resolve("chroma-embeddings.parquet") + "' (FORMAT PARQUET)");
        }
        return dir;
    }
}
