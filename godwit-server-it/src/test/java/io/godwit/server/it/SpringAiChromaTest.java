package io.godwit.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chroma.vectorstore.ChromaApi;
import org.springframework.ai.chroma.vectorstore.ChromaVectorStore;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AI's {@code ChromaVectorStore} (spring-ai-chroma-store 1.1.8), unchanged, against
 * {@code godwit run}: it creates its tenant, database and collection, adds documents, searches with a
 * filter expression and deletes.
 */
class SpringAiChromaTest {
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
    void addSearchWithAFilterAndDelete() throws Exception {
        ChromaApi api = ChromaApi.builder().baseUrl(godwit.uri().toString()).build();
        ChromaVectorStore store = ChromaVectorStore.builder(api, new TinyEmbeddingModel())
                .tenantName("spring_tenant").databaseName("spring_db").collectionName("spring_docs")
                .initializeSchema(true).build();
        store.afterPropertiesSet();

        store.add(List.of(
                new Document("d1", "the quick brown fox jumps", Map.of("animal", "fox", "legs", 4)),
                new Document("d2", "a quick brown dog sleeps", Map.of("animal", "dog", "legs", 4)),
                new Document("d3", "the quick red fox runs away", Map.of("animal", "fox", "legs", 4)),
                new Document("d4", "a bird sings in the tree", Map.of("animal", "bird", "legs", 2))));

        List<Document> foxes = store.similaritySearch(SearchRequest.builder().query("quick fox").topK(3)
                .filterExpression("animal == 'fox'").build());
        assertThat(foxes).extracting(Document::getId).containsExactlyInAnyOrder("d1", "d3");
        assertThat(foxes.get(0).getText()).contains("fox");
        assertThat(foxes.get(0).getMetadata()).containsEntry("animal", "fox");

        List<Document> twoLegs = store.similaritySearch(SearchRequest.builder().query("bird").topK(4)
                .filterExpression("legs < 3").build());
        assertThat(twoLegs).extracting(Document::getId).containsExactly("d4");

        store.delete(List.of("d1"));
        List<Document> after = store.similaritySearch(SearchRequest.builder().query("quick fox").topK(4)
                .filterExpression("animal == 'fox'").build());
        assertThat(after).extracting(Document::getId).containsExactly("d3");
    }
}
