package io.godwit.bench.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One phase's answers: per query the ids (row numbers) and distances returned, and its milliseconds. */
public final class Answers {
    public List<long[]> ids = new ArrayList<>();
    public List<float[]> distances = new ArrayList<>();
    public List<Double> ms = new ArrayList<>();

    void add(long[] queryIds, float[] queryDistances, double millis) {
        ids.add(queryIds);
        distances.add(queryDistances);
        ms.add(millis);
    }

    /** Mean recall@k against the exact answers. */
    double recall(long[][] truth) {
        double sum = 0;
        for (int q = 0; q < ids.size(); q++) {
            long[] want = truth[q];
            long hit = Arrays.stream(ids.get(q)).filter(id -> Arrays.stream(want).anyMatch(w -> w == id)).count();
            sum += want.length == 0 ? 1 : (double) hit / want.length;
        }
        return sum / ids.size();
    }

    double p50() {
        return percentile(0.5);
    }

    double percentile(double p) {
        double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s[Math.min(s.length - 1, (int) Math.floor(p * s.length))];
    }

    /** Share of returned ids that {@code ok} admits (1.0: every result matched the filter). */
    double matching(java.util.function.LongPredicate ok) {
        long all = ids.stream().mapToLong(a -> a.length).sum();
        long good = ids.stream().mapToLong(a -> Arrays.stream(a).filter(ok).count()).sum();
        return all == 0 ? 1 : (double) good / all;
    }

    /** The largest |distance difference| over ids both answers returned for the same query. */
    double maxDistanceGap(Answers other) {
        double gap = 0;
        for (int q = 0; q < ids.size(); q++) {
            for (int i = 0; i < ids.get(q).length; i++) {
                long id = ids.get(q)[i];
                for (int j = 0; j < other.ids.get(q).length; j++) {
                    if (other.ids.get(q)[j] == id) {
                        gap = Math.max(gap, Math.abs(distances.get(q)[i] - other.distances.get(q)[j]));
                    }
                }
            }
        }
        return gap;
    }
}
