package io.godwit.bench.vector;

import io.godwit.store.Space;
import io.godwit.store.vector.Candidates;
import io.godwit.store.vector.ExactScan;
import io.godwit.store.vector.Hit;
import io.godwit.store.vector.HnswIndex;
import io.godwit.store.vector.IndexParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The graph build rate of {@link HnswIndex} alone, in process: N seeded clustered vectors added in
 * batches of BATCH (as the segment's indexer adds them), then recall@10 and p50 of Q queries at
 * Chroma's defaults against an exact scan, and for filters admitting 1 to 30 % of the records the
 * p50 of a filtered graph search beside an exact scan of the candidates (the segment's
 * exact-scan threshold). Usage: {@code BuildRate SPACE N DIM BATCH [Q]}.
 */
public final class BuildRate {
    private BuildRate() {
    }

    public static void main(String[] args) {
        Space space = Space.fromWireName(args[0]);
        int n = Integer.parseInt(args[1]);
        int dim = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        int nq = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        Dataset ds = new Dataset(space, n, dim, nq, VectorBench.K);
        HnswIndex index = new HnswIndex(new IndexParams(space, dim, 16, 100, 100));
        long t0 = System.nanoTime();
        long lap = t0;
        for (int i = 0; i < n; i += batch) {
            List<HnswIndex.Change> changes = new ArrayList<>();
            for (int j = i; j < Math.min(n, i + batch); j++) {
                changes.add(new HnswIndex.Change(j, ds.data[j]));
            }
            index.apply(changes);
            if ((i + batch) % 10_000 == 0) {
                long now = System.nanoTime();
                System.out.printf("%,d: %.0f/s (last 10,000: %.0f/s)%n", i + batch, (i + batch) / ((now - t0) / 1e9),
                        10_000 / ((now - lap) / 1e9));
                lap = now;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("built %,d x %d (%s) in %.1f s: %.0f inserts/s%n", n, dim, space.wireName(), seconds, n / seconds);
        ds.computeTruth();
        double[] ms = new double[nq];
        double recall = 0;
        for (int q = 0; q < nq; q++) {
            long t = System.nanoTime();
            List<Hit> hits = index.search(ds.queries[q], VectorBench.K, null, 100);
            ms[q] = (System.nanoTime() - t) / 1e6;
            long[] want = ds.truth[q];
            recall += hits.stream().filter(h -> Arrays.stream(want).anyMatch(w -> w == h.id())).count()
                    / (double) want.length;
        }
        Arrays.sort(ms);
        System.out.printf("recall@10 %.4f, p50 %.2f ms%n", recall / nq, ms[nq / 2]);
        // The exact-scan threshold: a filtered graph search against an exact scan of the same candidates.
        for (int pct : new int[] {1, 2, 4, 8, 10, 20, 30}) {
            long[] ids = java.util.stream.LongStream.range(0, n).filter(id -> id % 100 < pct).toArray();
            Candidates c = Candidates.of(ids);
            double[] graph = new double[nq];
            double[] exact = new double[nq];
            for (int q = 0; q < nq; q++) {
                long t = System.nanoTime();
                index.search(ds.queries[q], VectorBench.K, c::test, 100);
                graph[q] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                ExactScan scan = new ExactScan(space, ds.queries[q], VectorBench.K);
                for (long id : ids) {
                    float[] v = index.vector(id);
                    if (v != null) {
                        scan.offerPrepared(id, v);
                    }
                }
                scan.result();
                exact[q] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(graph);
            Arrays.sort(exact);
            System.out.printf("filter %d %% (%,d candidates): p50 graph %.2f ms, exact scan %.2f ms%n", pct, c.size(),
                    graph[nq / 2], exact[nq / 2]);
        }
    }
}
