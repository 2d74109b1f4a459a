package io.godwit.store.embedding.minilm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default function's vectors against golden ones that another implementation made from the same
 * model files: transformers.js, truncating at 256 tokens, one text per call (golden/golden.mjs).
 * Texts short and long (over 256 tokens), in many scripts, and the empty text.
 */
class GoldenVectorsTest {

    private static List<String> texts;
    private static List<float[]> golden;
    private static List<Integer> tokens;

    @BeforeAll
    static void readGolden() throws IOException {
        JsonNode root;
        try (InputStream in = GoldenVectorsTest.class.getResourceAsStream("golden.json")) {
            root = new ObjectMapper().readTree(in);
        }
        texts = new ArrayList<>();
        golden = new ArrayList<>();
        tokens = new ArrayList<>();
        root.get("texts").forEach(t -> texts.add(t.asText()));
        root.get("tokens").forEach(t -> tokens.add(t.asInt()));
        for (JsonNode vector : root.get("vectors")) {
            float[] v = new float[vector.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) vector.get(i).asDouble();
            }
            golden.add(v);
        }
    }

    @Test
    void theGoldenFileCoversWhatItMustCover() {
        assertThat(texts).hasSizeGreaterThanOrEqualTo(20).contains("");
        assertThat(tokens.stream().filter(n -> n == DefaultEmbeddingFunction.MAX_TOKENS)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(tokens.stream().filter(n -> n > 128 && n < 256)).as("texts that tell 128 from 256").isNotEmpty();
    }

    @Test
    void everyVectorMatchesTheGoldenOneInOneBatchPaddedToTheLongest() {
        assertMatches(SharedModel.get().embed(texts));
    }

    @Test
    void everyVectorMatchesTheGoldenOneTextByText() {
        List<float[]> vectors = new ArrayList<>();
        for (String text : texts) {
            vectors.addAll(SharedModel.get().embed(List.of(text)));
        }
        assertMatches(vectors);
    }

    private static void assertMatches(List<float[]> vectors) {
        assertThat(vectors).hasSameSizeAs(golden);
        double least = 1;
        for (int i = 0; i < vectors.size(); i++) {
            assertThat(vectors.get(i)).hasSize(DefaultEmbeddingFunction.DIMENSION);
            assertThat(SharedModel.cosine(vectors.get(i), golden.get(i)))
                    .as("cosine to the golden vector of text %d (%s)", i, abbreviated(texts.get(i)))
                    .isGreaterThanOrEqualTo(0.999);
            least = Math.min(least, SharedModel.cosine(vectors.get(i), golden.get(i)));
        }
        System.out.printf("golden vectors: %d texts, least cosine %.7f%n", vectors.size(), least);
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? '"' + text + '"' : '"' + text.substring(0, 40) + "...\" (" + text.length() + " chars)";
    }
}
