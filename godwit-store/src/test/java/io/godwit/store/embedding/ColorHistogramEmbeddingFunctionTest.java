package io.godwit.store.embedding;

import io.godwit.store.StoreException;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColorHistogramEmbeddingFunctionTest {

    private final ColorHistogramEmbeddingFunction function = new ColorHistogramEmbeddingFunction();

    static BufferedImage image(int width, int height, Color... stripes) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < stripes.length; i++) {
            g.setColor(stripes[i]);
            g.fillRect(i * width / stripes.length, 0, width / stripes.length + 1, height);
        }
        g.dispose();
        return image;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void similarColoursLandNearEachOtherWhateverTheSize() {
        List<float[]> v = function.embed(List.of(image(40, 30, Color.RED), image(7, 300, new Color(230, 10, 20)),
                image(40, 30, Color.BLUE), image(40, 30, Color.RED, Color.BLUE)));
        assertThat(v).allSatisfy(x -> assertThat(x).hasSize(64));
        assertThat(dot(v.get(0), v.get(1))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(dot(v.get(0), v.get(2))).isZero();
        assertThat(dot(v.get(0), v.get(3))).isBetween(0.6, 0.8);
    }

    @Test
    void isDeterministicAndRecordsItsBins() {
        BufferedImage stripes = image(64, 64, Color.GREEN, Color.ORANGE, Color.GRAY);
        assertThat(function.embed(List.of(stripes)).get(0)).containsExactly(function.embed(List.of(stripes)).get(0));
        assertThat(new ColorHistogramEmbeddingFunction(2).embed(List.of(stripes)).get(0)).hasSize(8);
        assertThat(function.descriptor()).isEqualTo(
                Map.of("type", "known", "name", "godwit_color_histogram", "config", Map.of("bins_per_channel", 4)));
    }

    @Test
    void aNullImageIsRefusedNamingItsIndex() {
        assertThatThrownBy(() -> function.embed(Arrays.asList(image(2, 2, Color.RED), null)))
                .isInstanceOf(StoreException.class).hasMessageContaining("input 1 of 2 is null");
        assertThatThrownBy(() -> EmbeddingInputs.checkedFor(function, List.of(image(2, 2, Color.RED), "a text")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("'godwit_color_histogram' takes BufferedImage inputs, and input 1 of 2 is a String");
        assertThatThrownBy(() -> new ColorHistogramEmbeddingFunction(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 16");
    }
}
