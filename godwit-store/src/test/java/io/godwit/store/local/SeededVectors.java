package io.godwit.store.local;

import io.godwit.store.Space;
import io.godwit.store.vector.ExactVectorSegment;
import io.godwit.store.vector.Vectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Seeded clustered vectors (records named {@code r<i>}) and exact answers over them, for the store's index tests. */
final class SeededVectors {
    private SeededVectors() {
    }

    static float[][] clustered(long seed, int n, int dim, int clusters) {
        return Vectors.clustered(seed, n, dim, clusters);
    }

    /** Each vector scaled to length 1. */
    static float[][] unit(float[][] vectors) {
        float[][] out = new float[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            double norm = 0;
            for (float x : vectors[i]) {
                norm += x * x;
            }
            out[i] = new float[vectors[i].length];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = (float) (vectors[i][j] / Math.sqrt(norm));
            }
        }
        return out;
    }

    static float distance(Space space, float[] record, float[] query) {
        return ExactVectorSegment.distance(space, query, record);
    }

    /** The ids of the {@code k} nearest records by an exact scan, nearest first. */
    static List<String> exact(Space space, float[][] records, float[] q, int k) {
        return IntStream.range(0, records.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> distance(space, records[i], q)).thenComparing(i -> i))
                .limit(k).map(i -> "r" + i).toList();
    }

    static int overlap(List<String> want, List<String> got) {
        List<String> left = new ArrayList<>(want);
        left.retainAll(got);
        return left.size();
    }
}
