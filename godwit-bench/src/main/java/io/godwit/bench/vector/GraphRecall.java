package io.godwit.bench.vector;

import io.godwit.store.Space;
import io.godwit.store.vector.Distances;
import io.godwit.store.vector.GraphSearch;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Why a graph recalls what it does: the benchmark's data set (same seed, same 500 queries), built
 * at Chroma's defaults (M 16, ef_construction 100) by Lucene's builders alone, once per graph seed,
 * then recall@10 against an exact scan at several search beams. One thing varies at a time: the
 * builder ({@code serial}: one insertion at a time; {@code concurrent:B}: Lucene's concurrent
 * builder on every core, in bulks of B) and the similarity the graph orders by ({@code inv}: the
 * index's 1/(1+d); {@code neg}: -d), then the search: Lucene's (one entry node into level 0) and
 * Godwit's ({@link GraphSearch}: level 1 searched with the beam too). Usage: {@code GraphRecall SPACE N DIM BUILDER SCORE SEED...}.
 */
public final class GraphRecall {
    private static final int[] BEAMS = {100, 120, 150, 200};

    private GraphRecall() {
    }

    public static void main(String[] args) throws Exception {
        Space space = Space.fromWireName(args[0]);
        int n = Integer.parseInt(args[1]);
        int dim = Integer.parseInt(args[2]);
        String builder = args[3];
        boolean neg = args[4].equals("neg");
        Dataset ds = new Dataset(space, n, dim, 500, VectorBench.K);
        ds.computeTruth();
        float[][] data = ds.data;
        for (int s = 5; s < args.length; s++) {
            long seed = Long.parseLong(args[s]);
            long t0 = System.nanoTime();
            OnHeapHnswGraph g = builder.equals("serial") ? serial(data, space, neg, seed)
                    : concurrent(data, space, neg, seed, Integer.parseInt(builder.substring(builder.indexOf(':') + 1)));
            double secs = (System.nanoTime() - t0) / 1e9;
            StringBuilder line = new StringBuilder(String.format("%s %s %s seed %d: built %.1f s (%.0f/s)",
                    space.wireName(), builder, args[4], seed, secs, n / secs));
            for (int beam : BEAMS) {
                line.append(String.format(", recall beam %d %.4f", beam, recall(g, ds, neg, beam, false)));
            }
            for (int beam : BEAMS) {
                long t = System.nanoTime();
                double r = recall(g, ds, neg, beam, true);
                line.append(String.format(", Godwit's walk beam %d %.4f (%.2f ms/query)", beam, r,
                        (System.nanoTime() - t) / 1e6 / ds.queries.length));
            }
            System.out.println(line);
            System.out.println("  " + inDegrees(g, ds, neg));
        }
    }

    static double recall(OnHeapHnswGraph g, Dataset ds, boolean neg, int beam, boolean godwit) throws Exception {
        double hit = 0;
        for (int q = 0; q < ds.queries.length; q++) {
            float[] qp = Distances.prepare(ds.space, ds.queries[q]);
            RandomVectorScorer scorer = scorer(ds.data, ds.space, neg, qp);
            int[] found;
            if (godwit) {
                found = GraphSearch.nodes(GraphSearch.search(g, scorer, beam, null));
            } else {
                ScoreDoc[] docs = HnswGraphSearcher.search(scorer, beam, g, null, Integer.MAX_VALUE).topDocs().scoreDocs;
                found = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
            }
            long[] want = ds.truth[q];
            for (int i = 0; i < Math.min(10, found.length); i++) { // both nearest first
                int d = found[i];
                hit += Arrays.stream(want).anyMatch(w -> w == d) ? 1 : 0;
            }
        }
        return hit / (ds.queries.length * 10.0);
    }

    /** Level-0 nodes nothing links to, and how many of the exact answers missed at beam 100 are such nodes. */
    static String inDegrees(OnHeapHnswGraph g, Dataset ds, boolean neg) throws Exception {
        int n = ds.data.length;
        int[] in = new int[n];
        for (int node = 0; node < n; node++) {
            org.apache.lucene.util.hnsw.NeighborArray a = g.getNeighbors(0, node);
            for (int i = 0; i < a.size(); i++) {
                in[a.nodes()[i]]++;
            }
        }
        int zero = 0;
        int low = 0;
        for (int d : in) {
            zero += d == 0 ? 1 : 0;
            low += d <= 2 ? 1 : 0;
        }
        int missed = 0;
        int missedZero = 0;
        int missedLow = 0;
        int badQueries = 0;
        int badMissed = 0;
        for (int q = 0; q < ds.queries.length; q++) {
            float[] qp = Distances.prepare(ds.space, ds.queries[q]);
            ScoreDoc[] docs = HnswGraphSearcher.search(scorer(ds.data, ds.space, neg, qp), 100, g, null,
                    Integer.MAX_VALUE).topDocs().scoreDocs;
            java.util.Set<Integer> got = new java.util.HashSet<>();
            int before = missed;
            for (int i = 0; i < Math.min(10, docs.length); i++) {
                got.add(docs[i].doc);
            }
            for (long w : ds.truth[q]) {
                if (!got.contains((int) w)) {
                    missed++;
                    missedZero += in[(int) w] == 0 ? 1 : 0;
                    missedLow += in[(int) w] <= 2 ? 1 : 0;
                }
            }
            if (missed - before >= 5) {
                badQueries++;
                badMissed += missed - before;
            }
        }
        return String.format("level 0: %,d nodes with no in-link, %,d with at most 2; missed %d answers, %d of them"
                + " with no in-link, %d with at most 2; %d queries missed 5 or more (%d answers)", zero, low, missed,
                missedZero, missedLow, badQueries, badMissed);
    }

    static OnHeapHnswGraph serial(float[][] data, Space space, boolean neg, long seed) throws Exception {
        HnswGraphBuilder b = HnswGraphBuilder.create(supplier(data, space, neg), 16, 100, seed);
        for (int i = 0; i < data.length; i++) {
            b.addGraphNode(i);
        }
        return b.getGraph();
    }

    static OnHeapHnswGraph concurrent(float[][] data, Space space, boolean neg, long seed, int bulk)
            throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            RandomVectorScorerSupplier sup = supplier(data, space, neg);
            OnHeapHnswGraph g = HnswGraphBuilder.create(sup, 16, 100, seed, data.length).getGraph();
            for (int from = 0; from < data.length; from += bulk) {
                int to = Math.min(data.length, from + bulk);
                FixedBitSet present = new FixedBitSet(data.length);
                present.set(0, from);
                HnswGraphBuilder.randSeed = seed + from;
                new HnswConcurrentMergeBuilder(new TaskExecutor(pool), threads, sup, 16, 100, g, present).build(to);
            }
            return g;
        } finally {
            pool.shutdown();
        }
    }

    static RandomVectorScorerSupplier supplier(float[][] data, Space space, boolean neg) {
        return new RandomVectorScorerSupplier() {
            @Override
            public RandomVectorScorer scorer(int ord) {
                return GraphRecall.scorer(data, space, neg, Distances.prepare(space, data[ord]));
            }

            @Override
            public RandomVectorScorerSupplier copy() {
                return this;
            }
        };
    }

    static RandomVectorScorer scorer(float[][] data, Space space, boolean neg, float[] q) {
        return new RandomVectorScorer() {
            @Override
            public float score(int ord) {
                float[] v = data[ord];
                return neg ? -Distances.distance(space, q, v) : Distances.similarity(space, q, v);
            }

            @Override
            public int maxOrd() {
                return data.length;
            }
        };
    }
}
