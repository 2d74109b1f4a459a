package io.godwit.store.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Chroma 0.3's layout, its two Parquet files written by DuckDB as Chroma 0.3 did ({@code COPY ...
 * TO ... (FORMAT PARQUET)}), with metadata as its Python client left it: the JSON text
 * {@code null}, nested objects, null values, arrays.
 */
class ParquetSourceTest {
    @TempDir
    Path temp;

    private Path write(String collections, String embeddings) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("chroma03"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE collections (uuid UUID, name VARCHAR, metadata VARCHAR)");
            st.execute("INSERT INTO collections VALUES " + collections);
            st.execute("CREATE TABLE embeddings (collection_uuid UUID, uuid UUID, embedding DOUBLE[], document VARCHAR, id VARCHAR, metadata VARCHAR)");
            st.execute("INSERT INTO embeddings VALUES " + embeddings);
            st.execute("COPY collections TO '" + dir.resolve(ChromaLayout.PARQUET.marker()) + "' (FORMAT PARQUET)");
            st.execute("COPY embeddings TO '" + dir.resolve(ChromaLayout.PARQUET_EMBEDDINGS) + "' (FORMAT PARQUET)");
        }
        return dir;
    }

    private static final String BOOKS = "('11111111-1111-1111-1111-111111111111', 'books', 'null')";

    private static String record(String id, String metadata) {
        return "('11111111-1111-1111-1111-111111111111', gen_random_uuid(), [1.0, 0.5], 'doc " + id + "', '" + id + "', "
                + (metadata == null ? "NULL" : "'" + metadata + "'") + ")";
    }

    @Test
    void nullMetadataIsNoneAndNestedValuesAreFlattened() throws Exception {
        Path dir = write(BOOKS + ", ('22222222-2222-2222-2222-222222222222', 'notes', '{\"hnsw:space\": \"cosine\", \"owner\": {\"name\": \"ann\", \"team\": null}}')",
                record("a", "null") + ", " + record("b", "{\"year\": 2001, \"where\": {\"city\": \"Oslo\", \"geo\": {\"lat\": 59.9}}, \"gone\": null, \"tags\": [\"x\", \"y\"]}")
                        + ", " + record("c", null));
        Map<String, String> before = Fixtures.fingerprint(dir);
        try (ChromaSource source = ChromaSource.open(dir)) {
            assertThat(source.describe()).isEqualTo("Chroma before 0.4 (DuckDB + Parquet)");
            SourceCollection books = source.collections().get(0);
            SourceCollection notes = source.collections().get(1);
            assertThat(books.metadata()).isEmpty();
            assertThat(books.dimension()).isEqualTo(2);
            assertThat(notes.metadata()).isEqualTo(Map.of("hnsw:space", "cosine", "owner.name", "ann"));
            assertThat(notes.configuration().space().wireName()).isEqualTo("cosine");
            List<SourceRecord> records = ChromaFixturesTest.read(source, books);
            assertThat(records).extracting(SourceRecord::id).containsExactly("a", "b", "c");
            assertThat(records.get(0).metadata()).isNull();
            assertThat(records.get(1).metadata()).isEqualTo(Map.of("year", 2001L, "where.city", "Oslo", "where.geo.lat", 59.9,
                    "tags", List.of("x", "y")));
            assertThat(records.get(1).embedding()).containsExactly(1f, 0.5f);
            assertThat(records.get(1).document()).isEqualTo("doc b");
            assertThat(source.count(books)).isEqualTo(3);
        }
        assertThat(Fixtures.fingerprint(dir)).isEqualTo(before);
    }

    @Test
    void aValueGodwitCannotHoldIsRefusedNamingTheRecordAndKey() throws Exception {
        Path dir = write(BOOKS, record("a", "{\"mixed\": [1, \"one\"]}"));
        try (ChromaSource source = ChromaSource.open(dir)) {
            assertThatThrownBy(() -> source.read(source.collections().get(0), 10, b -> { }))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining(ChromaLayout.PARQUET_EMBEDDINGS)
                    .hasMessageContaining("record a of collection books")
                    .hasMessageContaining("'mixed' holds an array of mixed types");
        }
        Path clash = write(BOOKS, record("b", "{\"a.b\": 1, \"a\": {\"b\": 2}}"));
        try (ChromaSource source = ChromaSource.open(clash)) {
            assertThatThrownBy(() -> source.read(source.collections().get(0), 10, b -> { }))
                    .hasMessageContaining("record b").hasMessageContaining("'a.b' appears twice");
        }
    }

    @Test
    void aTruncatedParquetFileIsNamedWithWhatToDo() throws Exception {
        Path dir = write(BOOKS, record("a", null));
        Path file = dir.resolve(ChromaLayout.PARQUET_EMBEDDINGS);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ChromaSource.open(dir).close())
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("Cannot read " + file + " as Parquet")
                .hasMessageContaining("damaged or truncated: restore it from a backup");
    }
}
