package io.godwit.store.importer;

/**
 * What a vector becomes in a Chroma cosine collection: its hnswlib index stores it normalised
 * and keeps its norm, and Chroma returns the stored vector times the norm, which can differ from
 * the vector given in the last bit. Vectors read from the log of a cosine collection go through
 * the same float32 steps (hnswlib's {@code normalize_vector}, then {@code getDataByLabel}), so they
 * come out as Chroma returns them.
 */
final class CosineRoundTrip {
    private CosineRoundTrip() {
    }

    static float[] apply(float[] vector) {
        float sum = 0f;
        for (float v : vector) {
            sum += v * v;
        }
        float length = (float) Math.sqrt(sum);
        float inverse = 1.0f / (length + 1e-30f);
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = (vector[i] * inverse) * length;
        }
        return out;
    }
}
