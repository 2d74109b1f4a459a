package io.godwit.server.it;

import io.godwit.store.CreateCollection;
import io.godwit.store.GetRequest;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.QueryResult;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.godwit.store.embedding.ColorHistogramEmbeddingFunction;
import io.godwit.store.embedding.minilm.DefaultEmbeddingFunction;
import io.godwit.store.http.HttpGodwitClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Embedding functions through {@link HttpGodwitClient} against a real {@code godwit run} process:
 * Chroma's default function (all-MiniLM-L6-v2) embeds documents and query texts in the client; the
 * wrapper ({@code withEmbeddingFunction}) does the same on a plain handle, for images too; and the
 * check of the recorded function refuses another one, with its message, unless told to allow it.
 */
class EmbeddingFunctionOverHttpTest {
    private static final List<String> BIRDS = List.of("a wader with a long upturned bill that probes mud flats",
            "a tall grey bird that stands still in shallow water and spears fish",
            "a small brown songbird that sings from hedges in spring");

    @TempDir
    static Path dir;
    static GodwitUnderTest godwit;
    static DefaultEmbeddingFunction minilm;

    @BeforeAll
    static void start() throws Exception {
        godwit = GodwitUnderTest.start(dir);
        minilm = DefaultEmbeddingFunction.create();
    }

    @AfterAll
    static void stop() throws Exception {
        if (minilm != null) {
            minilm.close();
        }
        if (godwit != null) {
            godwit.close();
        }
    }

    private static StoreClient client() {
        return HttpGodwitClient.connect(godwit.uri(), null, Duration.ofSeconds(60));
    }

    @Test
    void documentsAndQueryTextsAreEmbeddedByTheDefaultFunctionInTheClient() {
        StoreCollection birds = client().createCollection(CreateCollection.named("birds").embeddingFunction(minilm));
        birds.add(RecordBatch.of("godwit", "heron", "wren").documents(BIRDS));

        List<float[]> expected = minilm.embed(BIRDS);
        var stored = client().getCollection("birds").orElseThrow()
                .get(GetRequest.ids("godwit", "heron", "wren").include(Include.EMBEDDINGS, Include.DOCUMENTS));
        for (int i = 0; i < 3; i++) {
            assertThat(stored.embeddings().get(i)).hasSize(384).containsExactly(expected.get(i), within(1e-6f));
        }
        assertThat(stored.documents()).isEqualTo(BIRDS);

        QueryResult byText = birds.query(QueryRequest.texts(List.of("a shorebird probing the mud with its long bill"))
                .nResults(3));
        QueryResult byVector = birds.query(QueryRequest.embeddings(minilm.embed(
                List.of("a shorebird probing the mud with its long bill"))).nResults(3));
        assertThat(byText.ids()).isEqualTo(byVector.ids());
        assertThat(byText.ids().get(0).get(0)).isEqualTo("godwit");
        assertThat(client().getCollection("birds").orElseThrow().configuration().embeddingFunction())
                .isEqualTo(Map.of("type", "known", "name", "default", "config", Map.of()));
    }

    @Test
    void theWrapperEmbedsImagesOnAPlainHandleAndTheRecordedFunctionRefusesAnother() {
        ColorHistogramEmbeddingFunction histogram = new ColorHistogramEmbeddingFunction();
        client().createCollection(CreateCollection.named("photos").embeddingFunction(histogram))
                .add(RecordBatch.of("red", "blue").inputs(List.of(image(Color.RED), image(Color.BLUE))));

        StoreCollection plain = client().getCollection("photos").orElseThrow();
        assertThatThrownBy(() -> plain.add(RecordBatch.of("green").inputs(List.of(image(Color.GREEN)))))
                .isInstanceOf(StoreException.class).hasMessage("add in collection 'photos': inputs need an embedding"
                        + " function, and this collection handle has none; give embeddings, or open the collection"
                        + " withEmbeddingFunction(...)");

        StoreCollection photos = plain.withEmbeddingFunction(new ColorHistogramEmbeddingFunction(4));
        photos.add(RecordBatch.of("green").inputs(List.of(image(Color.GREEN))));
        assertThat(photos.query(QueryRequest.inputs(List.of(image(new Color(20, 230, 30)))).nResults(1)).ids())
                .containsExactly(List.of("green"));

        String refusal = "collection 'photos' was made with the embedding function 'godwit_color_histogram'"
                + " (config {bins_per_channel=4}), not 'default' (config {}): vectors of different functions do not"
                + " compare. Open it with the function it records, or set allowOtherEmbeddingFunction to use another"
                + " one on purpose (the recorded function stays as it is)";
        assertThatThrownBy(() -> plain.withEmbeddingFunction(minilm)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.INVALID_ARGUMENT);
            assertThat(e).hasMessage(refusal);
        });
        assertThatThrownBy(() -> client().createCollection(CreateCollection.named("photos").getOrCreate(true)
                .embeddingFunction(new ColorHistogramEmbeddingFunction(2))))
                .isInstanceOf(StoreException.class).hasMessageContaining("(config {bins_per_channel=2})");

        assertThat(plain.withEmbeddingFunction(new ColorHistogramEmbeddingFunction(2), true).count()).isEqualTo(3);
        Map<String, Object> recorded = client().getCollection("photos").orElseThrow().configuration().embeddingFunction();
        assertThat(recorded).containsEntry("type", "known").containsEntry("name", "godwit_color_histogram");
        assertThat(recorded.get("config")).as("the recorded function stays as it is")
                .isEqualTo(Map.of("bins_per_channel", 4L));
    }

    private static BufferedImage image(Color color) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        return image;
    }
}
