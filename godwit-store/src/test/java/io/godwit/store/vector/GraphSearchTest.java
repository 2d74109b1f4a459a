package io.godwit.store.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.godwit.store.Space;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import org.junit.jupiter.api.Test;

/**
 * The query's walk ({@link GraphSearch}) on Lucene graphs of well-separated clusters, the data on
 * which one greedy entry node into level 0 loses whole queries: over three graph seeds it recalls
 * at least as much as Lucene's own search of the same graphs, and its filter admits only accepted
 * nodes.
 */
class GraphSearchTest {
    private static final int N = 12_000;
    private static final int DIM = 64;

    @Test
    void overThreeSeedsTheWalkRecallsAtLeastAsMuchAsOneEntryNode() throws Exception {
        float[][] data = separated(31, N + 200, DIM);
        float[][] records = Arrays.copyOf(data, N);
        float[][] queries = Arrays.copyOfRange(data, N, N + 200);
        int[][] truth = new int[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            truth[q] = exact(records, queries[q], 10);
        }
        double walk = 0;
        double lucene = 0;
        for (long seed : new long[] {1, 2, 3}) {
            OnHeapHnswGraph g = build(records, seed);
            double w = 0;
            double l = 0;
            for (int q = 0; q < queries.length; q++) {
                w += overlap(truth[q], GraphSearch.nodes(GraphSearch.search(g, scorer(records, queries[q]), 100, null)));
                ScoreDoc[] docs = HnswGraphSearcher.search(scorer(records, queries[q]), 100, g, null, Integer.MAX_VALUE)
                        .topDocs().scoreDocs;
                l += overlap(truth[q], Arrays.stream(docs).mapToInt(d -> d.doc).toArray());
            }
            assertThat(w / queries.length).as("recall@10 of seed %d", seed).isGreaterThanOrEqualTo(0.95);
            walk += w;
            lucene += l;
        }
        assertThat(walk).isGreaterThanOrEqualTo(lucene);
    }

    @Test
    void aFilteredWalkReturnsOnlyAcceptedNodesAndAsManyAsAsked() throws Exception {
        float[][] records = separated(32, 3_000, DIM);
        OnHeapHnswGraph g = build(records, 1);
        Bits everyThird = new Bits() {
            @Override
            public boolean get(int i) {
                return i % 3 == 0;
            }

            @Override
            public int length() {
                return records.length;
            }
        };
        int[] found = GraphSearch.nodes(GraphSearch.search(g, scorer(records, records[7]), 50, everyThird));
        assertThat(found).hasSize(50);
        assertThat(Arrays.stream(found).filter(i -> i % 3 != 0)).isEmpty();
        assertThat(found[0]).isEqualTo(exactAmong(records, records[7], everyThird));
    }

    @Test
    void anEmptyGraphGivesNothing() throws Exception {
        float[][] none = new float[0][];
        OnHeapHnswGraph g = HnswGraphBuilder.create(supplier(none), 16, 100, 1).getGraph();
        assertThat(GraphSearch.nodes(GraphSearch.search(g, scorer(none, new float[DIM]), 10, null))).isEmpty();
    }

    /** Clusters far apart beside their spread (centres N(0, 1) per dimension, points 0.25 around them). */
    private static float[][] separated(long seed, int n, int dim) {
        java.util.Random r = new java.util.Random(seed);
        float[][] centres = new float[60][dim];
        for (float[] c : centres) {
            for (int i = 0; i < dim; i++) {
                c[i] = (float) r.nextGaussian();
            }
        }
        float[][] out = new float[n][dim];
        for (float[] v : out) {
            float[] c = centres[r.nextInt(centres.length)];
            for (int i = 0; i < dim; i++) {
                v[i] = c[i] + 0.25f * (float) r.nextGaussian();
            }
        }
        return out;
    }

    private static OnHeapHnswGraph build(float[][] records, long seed) throws Exception {
        HnswGraphBuilder b = HnswGraphBuilder.create(supplier(records), 16, 100, seed);
        for (int i = 0; i < records.length; i++) {
            b.addGraphNode(i);
        }
        return b.getGraph();
    }

    private static int[] exact(float[][] records, float[] q, int k) {
        Integer[] order = new Integer[records.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(Distances.squaredL2(q, records[a]), Distances.squaredL2(q, records[b])));
        return Arrays.stream(order, 0, k).mapToInt(Integer::intValue).toArray();
    }

    private static int exactAmong(float[][] records, float[] q, Bits accept) {
        int best = -1;
        for (int i = 0; i < records.length; i++) {
            if (accept.get(i) && (best < 0 || Distances.squaredL2(q, records[i]) < Distances.squaredL2(q, records[best]))) {
                best = i;
            }
        }
        return best;
    }

    private static double overlap(int[] want, int[] got) {
        Set<Integer> w = new HashSet<>();
        for (int i : want) {
            w.add(i);
        }
        int hit = 0;
        for (int i = 0; i < Math.min(want.length, got.length); i++) {
            hit += w.contains(got[i]) ? 1 : 0;
        }
        return hit / (double) want.length;
    }

    /** Lucene's view of {@code records}, scored as the index scores l2 (also for the other tests of this package). */
    static RandomVectorScorerSupplier supplier(float[][] records) {
        return new RandomVectorScorerSupplier() {
            @Override
            public RandomVectorScorer scorer(int ord) {
                return GraphSearchTest.scorer(records, records[ord]);
            }

            @Override
            public RandomVectorScorerSupplier copy() {
                return this;
            }
        };
    }

    private static RandomVectorScorer scorer(float[][] records, float[] q) {
        return new RandomVectorScorer() {
            @Override
            public float score(int ord) {
                return Distances.similarity(Space.L2, q, records[ord]);
            }

            @Override
            public int maxOrd() {
                return records.length;
            }
        };
    }
}
