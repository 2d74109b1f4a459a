package io.godwit.store.upgrade;

import io.godwit.store.CreateCollection;
import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.GodwitClient;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.Space;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Opening a store written by release 0.1.0 (the committed fixture, made by
 * {@code src/test/fixture-sources/WriteRelease010Fixture.java} on that release's code) upgrades it
 * through the 0.2.0 migrations, after the engine's automatic backup, with every record, vector,
 * metadata value and document intact, and the store then works as a new one does.
 */
class UpgradeFromRelease010Test {
    @TempDir
    Path temp;

    private Path fixture() throws IOException {
        Path file = temp.resolve(GodwitClient.DATABASE_FILE);
        try (InputStream in = getClass().getResourceAsStream("release-0.1.0/godwit.sqlite3")) {
            Files.copy(in, file);
        }
        return temp;
    }

    @Test
    void everyRecordMetadataValueAndDocumentIsIntactAfterTheUpgrade() throws IOException {
        try (GodwitClient client = GodwitClient.persistent(fixture())) {
            assertThat(client.migrationsAppliedOnOpen().applied()).extracting(a -> a.subsystem() + "/" + a.version())
                    .containsExactly("sysdb/7", "embeddings_queue/5", "metadb/5", "metadb/6");
            try (Stream<Path> backups = Files.list(temp.resolve("backups"))) {
                assertThat(backups.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".sqlite3"));
            }
            assertThat(client.listCollections(null, 0)).extracting(StoreCollection::name).containsExactly("books", "xy");
            StoreCollection books = client.getCollection("books").orElseThrow();
            assertThat(books.dimension()).contains(3);
            assertThat(books.metadata()).isEqualTo(Map.of("genre", "fiction", "shelf", 4L, "hnsw:space", "cosine"));
            assertThat(books.configuration().space()).isEqualTo(Space.COSINE);
            assertThat(books.count()).isEqualTo(3);
            GetResult r = books.get(GetRequest.all().include(Include.EMBEDDINGS, Include.DOCUMENTS, Include.METADATAS));
            assertThat(r.ids()).containsExactly("a", "b", "c");
            assertThat(r.embeddings().get(2)).containsExactly(0.9f, 0.1f, 0.333f);
            assertThat(r.documents()).containsExactly("the quick fox", null, "slow brown dog");
            assertThat(r.metadatas()).containsExactly(Map.of("author", "ann", "year", 2001L, "score", 0.5, "new", true),
                    null, Map.of("author", "cy"));
            assertThat(books.query(QueryRequest.embedding(new float[] {1, 0, 0}).nResults(2)).ids())
                    .containsExactly(List.of("a", "c"));

            StoreCollection xy = client.getCollection("xy").orElseThrow();
            assertThat(xy.count()).isEqualTo(20);
            GetResult r7 = xy.get(GetRequest.ids("r7").include(Include.EMBEDDINGS, Include.DOCUMENTS, Include.METADATAS));
            assertThat(r7.embeddings().get(0)).containsExactly(7f, -7f, 7 / 3f, 1e-7f * 7);
            assertThat(r7.documents()).containsExactly("document 7");
            assertThat(r7.metadatas()).containsExactly(Map.of("i", 7L, "even", false));
            assertThat(xy.get(GetRequest.all().limit(3)).ids()).containsExactly("r0", "r1", "r2");
        }
    }

    @Test
    void theUpgradedStoreTakesNewWritesAndKeepsOldNamesReadableButRefusesThemAnew() throws IOException {
        try (GodwitClient client = GodwitClient.persistent(fixture())) {
            StoreCollection books = client.getCollection("books").orElseThrow();
            books.upsert(RecordBatch.of("a", "d").embeddings(List.of(new float[] {0, 0, 1}, new float[] {0, 1, 1}))
                    .metadatas(List.of(Map.of("year", 2002), Map.of("tags", List.of("new")))));
            assertThat(books.count()).isEqualTo(4);
            client.getCollection("xy").orElseThrow().delete(io.godwit.store.DeleteRequest.ids("r0", "r1"));
            client.deleteCollection("xy");
            assertThatThrownBy(() -> client.createCollection(CreateCollection.named("xy")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("3-512 characters");
        }
        try (GodwitClient again = GodwitClient.persistent(temp)) {
            assertThat(again.migrationsAppliedOnOpen().applied()).isEmpty();
            StoreCollection books = again.getCollection("books").orElseThrow();
            assertThat(books.count()).isEqualTo(4);
            assertThat(books.get(GetRequest.ids("a")).metadatas().get(0)).containsEntry("year", 2002L).containsEntry("author", "ann");
            assertThat(again.listCollections(null, 0)).extracting(StoreCollection::name).containsExactly("books");
        }
    }
}
