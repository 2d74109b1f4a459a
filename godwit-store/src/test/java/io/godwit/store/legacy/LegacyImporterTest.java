package io.godwit.store.legacy;

import io.godwit.GodwitException;
import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.StoreCollection;
import io.godwit.store.GodwitClient;
import io.godwit.store.importer.ChromaLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A legacy DuckDB+Parquet directory, written by DuckDB itself, imported into a new store. */
class LegacyImporterTest {
    @TempDir
    Path temp;

    private Path legacy() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("legacy"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE collections (uuid UUID, name VARCHAR, metadata VARCHAR)");
            st.execute("INSERT INTO collections VALUES ('11111111-1111-1111-1111-111111111111', 'books', '{\"owner\": \"ann\", \"shards\": 2}'),"
                    + " ('22222222-2222-2222-2222-222222222222', 'empty', NULL)");
            st.execute("CREATE TABLE embeddings (collection_uuid UUID, uuid UUID, embedding DOUBLE[], document VARCHAR, id VARCHAR, metadata VARCHAR)");
            st.execute("INSERT INTO embeddings VALUES"
                    + " ('11111111-1111-1111-1111-111111111111', gen_random_uuid(), [1.0, 0.0], 'the quick fox', 'a', '{\"year\": 2001, \"score\": 0.5, \"new\": true}'),"
                    + " ('11111111-1111-1111-1111-111111111111', gen_random_uuid(), [0.0, 1.0], NULL, 'b', NULL)");
            st.execute("COPY collections TO '" + dir.resolve(ChromaLayout.PARQUET.marker()) + "' (FORMAT PARQUET)");
            st.execute("COPY embeddings TO '" + dir.resolve(ChromaLayout.PARQUET_EMBEDDINGS) + "' (FORMAT PARQUET)");
        }
        return dir;
    }

    @Test
    void collectionsAndRecordsMoveIntoANewStore() throws Exception {
        Path legacy = legacy();
        Path target = temp.resolve("store");

        LegacyImporter.Report report = LegacyImporter.importInto(legacy, target);

        assertThat(report).isEqualTo(new LegacyImporter.Report(2, 2));
        try (GodwitClient client = GodwitClient.persistent(target)) {
            assertThat(client.listCollections(null, 0)).extracting(StoreCollection::name).containsExactlyInAnyOrder("books", "empty");
            StoreCollection books = client.getCollection("books").orElseThrow();
            assertThat(books.dimension()).contains(2);
            assertThat(books.count()).isEqualTo(2);
            GetResult a = books.get(GetRequest.ids("a").include(Include.EMBEDDINGS, Include.DOCUMENTS, Include.METADATAS));
            assertThat(a.embeddings().get(0)).containsExactly(1f, 0f);
            assertThat(a.documents()).containsExactly("the quick fox");
            assertThat(a.metadatas().get(0)).containsEntry("year", 2001L).containsEntry("score", 0.5).containsEntry("new", true);
            assertThat(books.query(QueryRequest.embedding(new float[] {0, 1}).nResults(1)).ids()).containsExactly(java.util.List.of("b"));
        }
        assertThat(target.resolve(".import-" + ProcessHandle.current().pid())).doesNotExist();
    }

    @Test
    void openingALegacyDirectorySaysHowToImportIt() throws Exception {
        Path legacy = legacy();
        assertThatThrownBy(() -> GodwitClient.persistent(legacy)).isInstanceOf(GodwitException.class)
                .hasMessageContaining("Chroma before 0.4 (DuckDB + Parquet)").hasMessageContaining("godwit import --from " + legacy);
        assertThat(legacy.resolve(GodwitClient.DATABASE_FILE)).doesNotExist();
    }

    @Test
    void aFailedImportLeavesNoStoreAndAnExistingStoreIsRefused() throws Exception {
        Path legacy = legacy();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT '99999999-9999-9999-9999-999999999999'::UUID AS collection_uuid, gen_random_uuid() AS uuid,"
                    + " [1.0, 2.0]::DOUBLE[] AS embedding, NULL::VARCHAR AS document, 'orphan' AS id, NULL::VARCHAR AS metadata)"
                    + " TO '" + legacy.resolve(ChromaLayout.PARQUET_EMBEDDINGS) + "' (FORMAT PARQUET)");
        }
        Path target = temp.resolve("store");

        assertThatThrownBy(() -> LegacyImporter.importInto(legacy, target)).hasMessageContaining("unknown collection");
        assertThat(target.resolve(GodwitClient.DATABASE_FILE)).doesNotExist();

        GodwitClient.persistent(target).close();
        assertThatThrownBy(() -> LegacyImporter.importInto(legacy, target)).hasMessageContaining("already exists");
    }
}
