package io.godwit.store.vector;

import java.io.IOException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.NeighborArray;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Copies a complete graph (nodes 0..n-1) into a new one, edge by edge with the scores it holds,
 * so that no distance is computed. Lucene's own copy ({@code InitializedHnswGraphBuilder.initGraph})
 * drops the scores, which makes every later insertion next to a copied node score and
 * diversity-check its whole neighbour list again; keeping them keeps the next inserts as cheap as
 * in the original graph. Used to move a graph between Lucene's two kinds: growable (one insertion
 * at a time) and fixed-size (which its concurrent builder needs).
 */
final class GraphCopy {
    /** For creating an empty graph: Lucene wants a supplier there, which it does not call. */
    private static final RandomVectorScorerSupplier NO_SCORES = new RandomVectorScorerSupplier() {
        @Override
        public org.apache.lucene.util.hnsw.RandomVectorScorer scorer(int ord) {
            throw new UnsupportedOperationException("vector index: no vectors here");
        }

        @Override
        public RandomVectorScorerSupplier copy() {
            return this;
        }
    };

    private GraphCopy() {
    }

    /** A copy of {@code source}'s {@code n} nodes in a graph of fixed size {@code capacity} (at least n). */
    static OnHeapHnswGraph fixed(OnHeapHnswGraph source, int n, int capacity, RandomVectorScorerSupplier s,
                                 IndexParams p) {
        return into(source, n, create(s, p, capacity));
    }

    /** A copy of {@code source}'s {@code n} nodes in a growable graph. */
    static OnHeapHnswGraph growable(OnHeapHnswGraph source, int n, RandomVectorScorerSupplier s, IndexParams p) {
        return into(source, n, create(s, p, -1));
    }

    /**
     * A growable graph holding {@code stored}'s nodes, edges and entry node (read from a file,
     * which keeps no scores: Lucene computes them when it next needs them), so that it searches
     * exactly as the graph that was written. Lucene's {@code initGraph} would enter at the first
     * node of the top level instead.
     */
    static OnHeapHnswGraph restore(HnswGraph stored, IndexParams p) throws IOException {
        OnHeapHnswGraph target = create(NO_SCORES, p, -1);
        if (stored.size() == 0) {
            return target;
        }
        int levels = stored.numLevels();
        for (int level = levels - 1; level >= 0; level--) {
            HnswGraph.NodesIterator it = stored.getNodesOnLevel(level);
            while (it.hasNext()) {
                int node = it.nextInt();
                target.addNode(level, node);
                NeighborArray to = target.getNeighbors(level, node);
                stored.seek(level, node);
                for (int nb = stored.nextNeighbor(); nb != DocIdSetIterator.NO_MORE_DOCS; nb = stored.nextNeighbor()) {
                    to.addOutOfOrder(nb, Float.NaN);
                }
            }
        }
        target.trySetNewEntryNode(stored.entryNode(), levels - 1);
        return target;
    }

    static OnHeapHnswGraph create(RandomVectorScorerSupplier s, IndexParams p, int capacity) {
        try {
            HnswGraphBuilder b = capacity < 0
                    ? HnswGraphBuilder.create(s, p.maxNeighbors(), p.efConstruction(), GraphBuilder.SEED)
                    : HnswGraphBuilder.create(s, p.maxNeighbors(), p.efConstruction(), GraphBuilder.SEED, capacity);
            return b.getGraph();
        } catch (IOException e) {
            throw new IllegalStateException("vector index: cannot create the graph", e);
        }
    }

    private static OnHeapHnswGraph into(OnHeapHnswGraph source, int n, OnHeapHnswGraph target) {
        if (n == 0) {
            return target;
        }
        int levels = source.numLevels();
        for (int level = levels - 1; level >= 0; level--) {
            HnswGraph.NodesIterator it = source.getNodesOnLevel(level);
            while (it.hasNext()) {
                int node = it.nextInt();
                target.addNode(level, node);
                copyNeighbours(source.getNeighbors(level, node), target.getNeighbors(level, node));
            }
        }
        target.trySetNewEntryNode(source.entryNode(), levels - 1);
        return target;
    }

    /** Nearest first (as Lucene keeps them once checked) when every score is known; as they are otherwise. */
    private static void copyNeighbours(NeighborArray from, NeighborArray to) {
        int size = from.size();
        int[] nodes = from.nodes();
        int[] order = new int[size];
        boolean scored = true;
        for (int i = 0; i < size; i++) {
            order[i] = i;
            scored &= !Float.isNaN(from.getScores(i));
        }
        if (!scored) {
            for (int i = 0; i < size; i++) {
                to.addOutOfOrder(nodes[i], from.getScores(i));
            }
            return;
        }
        // insertion sort by score, descending (at most 2M + 1 entries)
        for (int i = 1; i < size; i++) {
            int o = order[i];
            float s = from.getScores(o);
            int j = i - 1;
            while (j >= 0 && from.getScores(order[j]) < s) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = o;
        }
        for (int i = 0; i < size; i++) {
            to.addInOrder(nodes[order[i]], from.getScores(order[i]));
        }
    }
}
