package io.godwit.bench.vector;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * The measurement that chose the ANN library (README, "Vector index"): Lucene 9.12 HNSW and
 * jvector 4.0 on the same seeded clustered vectors, Chroma's parameters (M 16, ef_construction
 * 100, ef_search 100), squared L2, one thread: build rate, recall@10 against exact search, query
 * rate, and the same with a 10 % accept-filter. Usage: {@code LibraryTrial N DIM QUERIES}.
 */
public final class LibraryTrial {
    private static final int K = 10;
    private static final int EF = 100;

    private LibraryTrial() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int dim = Integer.parseInt(args[1]);
        int nq = Integer.parseInt(args[2]);
        SeededVectors gen = new SeededVectors(42, dim, 100, false);
        float[][] data = gen.next(n);
        float[][] queries = gen.next(nq);
        IntPredicate tenth = i -> i % 10 == 3;
        int[][] truth = exact(data, queries, i -> true);
        int[][] truthFiltered = exact(data, queries, tenth);
        System.out.printf("n=%d dim=%d queries=%d%n", n, dim, nq);
        lucene(data, queries, truth, truthFiltered, tenth);
        jvector(data, queries, truth, truthFiltered, tenth);
    }

    static void lucene(float[][] data, float[][] queries, int[][] truth, int[][] truthF, IntPredicate f)
            throws Exception {
        RandomVectorScorerSupplier sup = new RandomVectorScorerSupplier() {
            public RandomVectorScorer scorer(int ord) {
                return scorerFor(data, data[ord]);
            }

            public RandomVectorScorerSupplier copy() {
                return this;
            }
        };
        long t = System.nanoTime();
        HnswGraphBuilder b = HnswGraphBuilder.create(sup, 16, 100, 42);
        for (int i = 0; i < data.length; i++) {
            b.addGraphNode(i);
        }
        OnHeapHnswGraph g = b.getCompletedGraph();
        double build = (System.nanoTime() - t) / 1e9;
        Bits accept = new Bits() {
            public boolean get(int i) {
                return f.test(i);
            }

            public int length() {
                return data.length;
            }
        };
        for (Bits bits : Arrays.asList(null, accept)) {
            int[][] want = bits == null ? truth : truthF;
            double hits = 0;
            t = System.nanoTime();
            for (int q = 0; q < queries.length; q++) {
                KnnCollector c = HnswGraphSearcher.search(scorerFor(data, queries[q]), EF, g, bits, Integer.MAX_VALUE);
                TopDocs td = c.topDocs();
                int[] got = new int[Math.min(K, td.scoreDocs.length)];
                for (int i = 0; i < got.length; i++) {
                    got[i] = td.scoreDocs[i].doc;
                }
                hits += overlap(want[q], got);
            }
            report("lucene-9.12", bits != null, build, data.length, hits / (queries.length * K), queries.length, t);
        }
    }

    static RandomVectorScorer scorerFor(float[][] data, float[] q) {
        return new RandomVectorScorer() {
            public float score(int node) {
                return 1 / (1 + squaredL2(q, data[node]));
            }

            public int maxOrd() {
                return data.length;
            }
        };
    }

    static void jvector(float[][] data, float[][] queries, int[][] truth, int[][] truthF, IntPredicate f)
            throws Exception {
        VectorTypeSupport vts = VectorizationProvider.getInstance().getVectorTypeSupport();
        List<VectorFloat<?>> vs = new ArrayList<>();
        for (float[] v : data) {
            vs.add(vts.createFloatVector(v));
        }
        var ravv = new ListRandomAccessVectorValues(vs, data[0].length);
        var sim = io.github.jbellis.jvector.vector.VectorSimilarityFunction.EUCLIDEAN;
        long t = System.nanoTime();
        GraphIndexBuilder b = new GraphIndexBuilder(BuildScoreProvider.randomAccessScoreProvider(ravv, sim),
                data[0].length, List.of(32, 16), 100, 1.2f, 1.0f, true, true);
        for (int i = 0; i < data.length; i++) {
            b.addGraphNode(i, vs.get(i));
        }
        b.cleanup();
        double build = (System.nanoTime() - t) / 1e9;
        io.github.jbellis.jvector.util.Bits accept = f::test;
        for (io.github.jbellis.jvector.util.Bits bits : Arrays.asList(null, accept)) {
            int[][] want = bits == null ? truth : truthF;
            double hits = 0;
            t = System.nanoTime();
            try (GraphSearcher s = new GraphSearcher(b.getGraph())) {
                for (int q = 0; q < queries.length; q++) {
                    var ssp = DefaultSearchScoreProvider.exact(vts.createFloatVector(queries[q]), sim, ravv);
                    SearchResult r = s.search(ssp, K, EF, 0f, 0f,
                            bits == null ? io.github.jbellis.jvector.util.Bits.ALL : bits);
                    int[] got = Arrays.stream(r.getNodes()).mapToInt(ns -> ns.node).toArray();
                    hits += overlap(want[q], got);
                }
            }
            report("jvector-4.0", bits != null, build, data.length, hits / (queries.length * K), queries.length, t);
        }
    }

    static void report(String lib, boolean filtered, double build, int n, double recall, int nq, long t0) {
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-12s %-9s build %6.0f/s  recall@10 %.4f  %6.0f QPS%n", lib,
                filtered ? "10%filter" : "nofilter", n / build, recall, nq / secs);
    }

    static int overlap(int[] want, int[] got) {
        int c = 0;
        for (int g : got) {
            for (int w : want) {
                if (g == w) {
                    c++;
                    break;
                }
            }
        }
        return c;
    }

    static int[][] exact(float[][] data, float[][] queries, IntPredicate accept) {
        int[][] out = new int[queries.length][];
        java.util.stream.IntStream.range(0, queries.length).parallel().forEach(q -> {
            var scan = new io.godwit.store.vector.ExactScan(io.godwit.store.Space.L2, queries[q], K);
            for (int i = 0; i < data.length; i++) {
                if (accept.test(i)) {
                    scan.offer(i, data[i]);
                }
            }
            out[q] = scan.result().stream().mapToInt(h -> (int) h.id()).toArray();
        });
        return out;
    }

    static float squaredL2(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            float d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
