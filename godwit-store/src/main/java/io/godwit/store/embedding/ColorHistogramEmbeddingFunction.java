package io.godwit.store.embedding;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small, deterministic image embedding function: the colour histogram of an image, {@code bins}
 * levels per RGB channel ({@code bins³} dimensions), L2-normalised. It proves that a collection
 * takes any input type through the same {@link EmbeddingFunction} API as texts; images of similar
 * colours land near each other, nothing more. A real image model (CLIP, OpenCLIP) plugs in the
 * same way: see the README's "Embedding functions" section.
 *
 * <p>Stateless, so thread-safe. Every pixel counts once, whatever the image's size; alpha is ignored.
 */
public final class ColorHistogramEmbeddingFunction implements EmbeddingFunction<BufferedImage> {

    public static final String NAME = "godwit_color_histogram";

    private final int bins;

    /** @param bins levels per channel, 1 to 16 (64 dimensions at 4) */
    public ColorHistogramEmbeddingFunction(int bins) {
        if (bins < 1 || bins > 16) {
            throw new IllegalArgumentException("bins per channel must be between 1 and 16, not " + bins);
        }
        this.bins = bins;
    }

    public ColorHistogramEmbeddingFunction() {
        this(4);
    }

    @Override
    public List<float[]> embed(List<BufferedImage> input) {
        EmbeddingInputs.requireElements(input, NAME);
        List<float[]> vectors = new ArrayList<>(input.size());
        for (BufferedImage image : input) {
            vectors.add(normalised(histogram(image)));
        }
        return vectors;
    }

    public int dimension() {
        return bins * bins * bins;
    }

    @Override
    public Class<?> inputType() {
        return BufferedImage.class;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("bins_per_channel", bins);
    }

    private float[] histogram(BufferedImage image) {
        float[] counts = new float[dimension()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                counts[bin(rgb >> 16) * bins * bins + bin(rgb >> 8) * bins + bin(rgb)]++;
            }
        }
        return counts;
    }

    private int bin(int channel) {
        return (channel & 0xff) * bins / 256;
    }

    private static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
        return v;
    }
}
