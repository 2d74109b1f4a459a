package io.godwit.store.embedding.minilm;

import io.godwit.store.CreateCollection;
import io.godwit.store.GetRequest;
import io.godwit.store.GodwitClient;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.godwit.store.embedding.ColorHistogramEmbeddingFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default function in collections of real stores: documents and query texts embedded, the descriptor kept. */
class DefaultFunctionCollectionTest {

    private static final List<String> BIRDS = List.of(
            "the bar-tailed godwit probes mudflats with its long upturned bill",
            "a grey heron stands still in the shallows waiting for fish",
            "the peregrine falcon dives on pigeons at great speed");

    @TempDir
    Path dir;

    private static float[] stored(StoreCollection c, String id) {
        return c.get(GetRequest.ids(id).include(Include.EMBEDDINGS)).embeddings().get(0);
    }

    @Test
    void documentsAreEmbeddedOnAddUpsertAndUpdateAndQueryTextsOnQuery() {
        DefaultEmbeddingFunction ef = SharedModel.get();
        try (GodwitClient client = GodwitClient.ephemeral()) {
            StoreCollection birds = client.createCollection(CreateCollection.named("birds").embeddingFunction(ef));
            birds.add(RecordBatch.of("godwit", "heron", "falcon").documents(BIRDS));
            assertThat(SharedModel.cosine(stored(birds, "heron"), ef.embed(List.of(BIRDS.get(1))).get(0))).isGreaterThan(0.99999);
            var near = birds.query(QueryRequest.texts(List.of("a wader with a long beak on the mud")).nResults(1));
            assertThat(near.ids().get(0)).containsExactly("godwit");

            String swan = "a white swan glides across the lake";
            birds.update(RecordBatch.of("heron").documents(List.of(swan)));
            assertThat(SharedModel.cosine(stored(birds, "heron"), ef.embed(List.of(swan)).get(0))).isGreaterThan(0.99999);
            birds.upsert(RecordBatch.of("owl").documents(List.of("an owl hunts mice at night")));
            assertThat(birds.query(QueryRequest.texts(List.of("nocturnal bird of prey")).nResults(1)).ids().get(0))
                    .containsExactly("owl");
            assertThat(birds.configuration().embeddingFunction())
                    .isEqualTo(Map.of("type", "known", "name", "default", "config", Map.of()));
        }
    }

    @Test
    void aPersistentCollectionReopensWithTheDefaultFunctionAndRefusesAnother() {
        Path store = dir.resolve("store");
        try (GodwitClient client = GodwitClient.persistent(store)) {
            client.createCollection(CreateCollection.named("birds").embeddingFunction(SharedModel.get()))
                    .add(RecordBatch.of("godwit", "heron", "falcon").documents(BIRDS));
        }
        try (GodwitClient client = GodwitClient.persistent(store)) {
            StoreCollection plain = client.getCollection("birds").orElseThrow();
            assertThatThrownBy(() -> plain.query(QueryRequest.texts(List.of("fish"))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("queryTexts");
            StoreCollection birds = plain.withEmbeddingFunction(SharedModel.get());
            assertThat(birds.query(QueryRequest.texts(List.of("a bird that waits to catch fish")).nResults(1)).ids().get(0))
                    .containsExactly("heron");
            assertThatThrownBy(() -> plain.withEmbeddingFunction(new ColorHistogramEmbeddingFunction()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("collection 'birds' was made with the embedding function 'default' (config {})");
            assertThatThrownBy(() -> plain.withEmbeddingFunction(new ColorHistogramEmbeddingFunction(), true)
                    .add(RecordBatch.of("x").documents(List.of("a text"))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("takes BufferedImage inputs");
            assertThat(birds.count()).isEqualTo(3);
        }
    }
}
