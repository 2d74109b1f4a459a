package io.godwit.store.embedding.minilm;

/** One loaded default function for the tests of this module: loading takes a second and 90 MB. */
final class SharedModel {

    private static DefaultEmbeddingFunction function;

    private SharedModel() {
    }

    static synchronized DefaultEmbeddingFunction get() {
        if (function == null) {
            function = DefaultEmbeddingFunction.create();
        }
        return function;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
