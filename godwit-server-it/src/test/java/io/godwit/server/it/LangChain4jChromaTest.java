package io.godwit.server.it;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.chroma.ChromaApiVersion;
import dev.langchain4j.store.embedding.chroma.ChromaEmbeddingStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain4j's {@code ChromaEmbeddingStore} (langchain4j-chroma, API V2), unchanged, against
 * {@code godwit run}: it creates its tenant, database and collection, adds segments, searches with a
 * metadata filter and removes.
 */
class LangChain4jChromaTest {
    @TempDir
    static Path dir;
    static GodwitUnderTest godwit;

    @BeforeAll
    static void start() throws Exception {
        godwit = GodwitUnderTest.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (godwit != null) {
            godwit.close();
        }
    }

    @Test
    void addSearchWithAFilterAndRemove() {
        ChromaEmbeddingStore store = ChromaEmbeddingStore.builder().baseUrl(godwit.uri().toString())
                .apiVersion(ChromaApiVersion.V2).tenantName("lc_tenant").databaseName("lc_db")
                .collectionName("lc_docs").timeout(Duration.ofSeconds(30)).build();

        String fox = store.add(embedding("the quick brown fox"), TextSegment.from("the quick brown fox",
                Metadata.from("animal", "fox").put("legs", 4)));
        String dog = store.add(embedding("a quick brown dog"), TextSegment.from("a quick brown dog",
                Metadata.from("animal", "dog").put("legs", 4)));
        String bird = store.add(embedding("a bird in a tree"), TextSegment.from("a bird in a tree",
                Metadata.from("animal", "bird").put("legs", 2)));

        List<EmbeddingMatch<TextSegment>> quick = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(embedding("quick fox")).maxResults(3)
                .filter(metadataKey("legs").isEqualTo(4)).build()).matches();
        assertThat(quick).extracting(EmbeddingMatch::embeddingId).containsExactly(fox, dog);
        assertThat(quick.get(0).embedded().text()).isEqualTo("the quick brown fox");
        assertThat(quick.get(0).embedded().metadata().getString("animal")).isEqualTo("fox");

        store.remove(fox);
        List<EmbeddingMatch<TextSegment>> after = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(embedding("quick fox")).maxResults(3).build()).matches();
        assertThat(after).extracting(EmbeddingMatch::embeddingId).containsExactlyInAnyOrder(dog, bird);

        store.removeAll(List.of(dog, bird));
        assertThat(store.search(EmbeddingSearchRequest.builder().queryEmbedding(embedding("bird")).maxResults(3)
                .build()).matches()).isEmpty();
    }

    private static Embedding embedding(String text) {
        return Embedding.from(TinyEmbeddingModel.vector(text));
    }
}
