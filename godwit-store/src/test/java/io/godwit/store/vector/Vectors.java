package io.godwit.store.vector;

import io.godwit.store.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongPredicate;

/** Seeded clustered test vectors and exact answers to compare the index with. */
public final class Vectors {

    private Vectors() {
    }

    public static float[][] clustered(long seed, int n, int dim, int clusters) {
        Random r = new Random(seed);
        float[][] centres = new float[clusters][dim];
        for (float[] c : centres) {
            for (int i = 0; i < dim; i++) {
                c[i] = (float) r.nextGaussian();
            }
        }
        float[][] out = new float[n][dim];
        for (float[] v : out) {
            float[] c = centres[r.nextInt(clusters)];
            for (int i = 0; i < dim; i++) {
                v[i] = c[i] + 0.5f * (float) r.nextGaussian();
            }
        }
        return out;
    }

    /** The exact top k over {@code records} that {@code accept} admits (null: all), Chroma's distances. */
    static List<Hit> exact(Space space, Map<Long, float[]> records, float[] q, int k, LongPredicate accept) {
        ExactScan scan = new ExactScan(space, q, k);
        records.forEach((id, v) -> {
            if (accept == null || accept.test(id)) {
                scan.offer(id, v);
            }
        });
        return scan.result();
    }

    static double recall(List<Hit> want, List<Hit> got) {
        List<Long> ids = new ArrayList<>();
        want.forEach(h -> ids.add(h.id()));
        long found = got.stream().filter(h -> ids.contains(h.id())).count();
        return want.isEmpty() ? 1 : (double) found / want.size();
    }
}
