package io.godwit.store.embedding.minilm;

import java.nio.FloatBuffer;

/**
 * Sentence vectors from token vectors, as Chroma's default pipeline makes them: the mean of the
 * token vectors that the attention mask keeps (padding excluded), then L2-normalised.
 */
final class MeanPooling {

    private MeanPooling() {
    }

    /**
     * @param hidden  the model's last hidden state, flat, row-major {@code [batch][tokens][dim]}
     * @param lengths per row, how many tokens are real; they come first, padding after (the
     *                attention mask is 1 for the first {@code lengths[b]} tokens of row b, 0 after)
     */
    static float[][] pool(FloatBuffer hidden, int[] lengths, int tokens, int dim) {
        float[][] out = new float[lengths.length][];
        for (int b = 0; b < lengths.length; b++) {
            out[b] = normalised(mean(hidden, lengths[b], b * tokens * dim, dim));
        }
        return out;
    }

    private static float[] mean(FloatBuffer hidden, int length, int offset, int dim) {
        double[] sum = new double[dim];
        for (int t = 0; t < length; t++) {
            int base = offset + t * dim;
            for (int d = 0; d < dim; d++) {
                sum[d] += hidden.get(base + d);
            }
        }
        float[] mean = new float[dim];
        double count = Math.max(length, 1e-9);
        for (int d = 0; d < dim; d++) {
            mean[d] = (float) (sum[d] / count);
        }
        return mean;
    }

    private static float[] normalised(float[] v) {
        double squares = 0;
        for (float x : v) {
            squares += (double) x * x;
        }
        double norm = Math.max(Math.sqrt(squares), 1e-12);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }
}
