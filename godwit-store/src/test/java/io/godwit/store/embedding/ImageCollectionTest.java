package io.godwit.store.embedding;

import io.godwit.store.CreateCollection;
import io.godwit.store.GetRequest;
import io.godwit.store.GodwitClient;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.godwit.store.embedding.ColorHistogramEmbeddingFunctionTest.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Images through the same collection API as texts, with the colour-histogram function, on real
 * stores: an ephemeral one and a persistent one reopened by a new client.
 */
class ImageCollectionTest {

    @TempDir
    Path dir;

    private final ColorHistogramEmbeddingFunction function = new ColorHistogramEmbeddingFunction();
    private final List<BufferedImage> images = List.of(image(30, 20, Color.RED), image(30, 20, Color.BLUE),
            image(30, 20, Color.GREEN, Color.YELLOW));

    private StoreCollection filled(GodwitClient client) {
        StoreCollection photos = client.createCollection(CreateCollection.named("photos").embeddingFunction(function));
        photos.add(RecordBatch.of("red", "blue", "meadow").inputs(images)
                .uris(List.of("file:///red.png", "file:///blue.png", "file:///meadow.png")));
        return photos;
    }

    @Test
    void imagesAreEmbeddedOnAddAndOnQueryInAnEphemeralStore() {
        try (GodwitClient client = GodwitClient.ephemeral()) {
            StoreCollection photos = filled(client);
            var stored = photos.get(GetRequest.ids("red", "blue", "meadow").include(Include.EMBEDDINGS, Include.URIS));
            List<float[]> expected = function.embed(images);
            for (int i = 0; i < 3; i++) {
                assertThat(stored.embeddings().get(i)).containsExactly(expected.get(i));
            }
            assertThat(stored.uris()).containsExactly("file:///red.png", "file:///blue.png", "file:///meadow.png");
            var near = photos.query(QueryRequest.inputs(List.of(image(5, 5, new Color(240, 20, 10)))).nResults(1));
            assertThat(near.ids().get(0)).containsExactly("red");
            assertThat(photos.configuration().embeddingFunction()).isEqualTo(function.descriptor());
        }
    }

    @Test
    void anInputOfAnotherTypeIsRefusedAndNothingIsWritten() {
        try (GodwitClient client = GodwitClient.ephemeral()) {
            StoreCollection photos = filled(client);
            assertThatThrownBy(() -> photos.add(RecordBatch.of("x", "y").inputs(List.of(images.get(0), "a text"))))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("takes BufferedImage inputs, and input 1 of 2 is a String");
            assertThatThrownBy(() -> photos.add(RecordBatch.of("x", "y").inputs(List.of(images.get(0)))))
                    .isInstanceOf(StoreException.class);
            assertThat(photos.count()).isEqualTo(3);
        }
    }

    @Test
    void aReopenedCollectionTakesItsRecordedFunctionAndRefusesAnotherUnlessAllowed() {
        Path store = dir.resolve("store");
        try (GodwitClient client = GodwitClient.persistent(store)) {
            filled(client);
        }
        try (GodwitClient client = GodwitClient.persistent(store)) {
            StoreCollection plain = client.getCollection("photos").orElseThrow();
            assertThat(plain.configuration().embeddingFunction())
                    .isEqualTo(Map.of("type", "known", "name", "godwit_color_histogram", "config", Map.of("bins_per_channel", 4)));
            assertThatThrownBy(() -> plain.add(RecordBatch.of("late").inputs(List.of(images.get(0)))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("embedding function");

            StoreCollection photos = plain.withEmbeddingFunction(new ColorHistogramEmbeddingFunction(4));
            photos.add(RecordBatch.of("blue2").inputs(List.of(image(9, 9, new Color(10, 10, 230)))));
            var near = photos.query(QueryRequest.inputs(List.of(image(4, 4, Color.BLUE))).nResults(2));
            assertThat(near.ids().get(0)).containsExactlyInAnyOrder("blue", "blue2");

            assertThatThrownBy(() -> plain.withEmbeddingFunction(new ColorHistogramEmbeddingFunction(2)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("collection 'photos' was made with the embedding function 'godwit_color_histogram'")
                    .hasMessageContaining("allowOtherEmbeddingFunction");
            assertThat(plain.withEmbeddingFunction(new ColorHistogramEmbeddingFunction(2), true).count()).isEqualTo(4);
            assertThatThrownBy(() -> client.createCollection(CreateCollection.named("photos").getOrCreate(true)
                    .embeddingFunction(new ColorHistogramEmbeddingFunction(8))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("(config {bins_per_channel=8})");
            assertThat(client.getCollection("photos").orElseThrow().configuration().embeddingFunction())
                    .isEqualTo(function.descriptor());
        }
    }
}
