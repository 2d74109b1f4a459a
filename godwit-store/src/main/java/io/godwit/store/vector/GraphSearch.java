package io.godwit.store.vector;

import java.io.IOException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.SparseFixedBitSet;
import org.apache.lucene.util.hnsw.NeighborArray;
import org.apache.lucene.util.hnsw.NeighborQueue;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;

/**
 * A query's walk through Lucene's graph: greedy on the levels above 1, as HNSW's search does, then
 * the query's beam ({@code max(k, ef_search)}) on level 1 as well as on level 0, every node that
 * level 1's beam ends with entering level 0.
 *
 * <p>Why: HNSW's search (hnswlib's, Lucene's) descends the upper levels greedily to one entry node of
 * level 0. On clustered data (the benchmark's 100 well-separated clusters) that node can lie in the
 * wrong cluster, and a beam started there does not find its way over: the query then misses most of
 * its answers whatever ef_search is. On the benchmark's 100,000 l2 vectors, six graphs (two builders,
 * three seeds) recalled 0.9658 to 0.9874 at ef_search 100 with one entry node, 0.9882 to 0.9918
 * with this walk, at a small extra cost (README, "How a query is answered"); scoring every node of
 * a higher level instead gained nothing more. Level 1 holds a sixteenth of the nodes, so its beam is
 * cheap beside level 0's.
 *
 * <p>Public for the benchmark (GraphRecall). Thread-safe over a graph nobody changes meanwhile (the
 * index's read lock): it reads the neighbour arrays directly, never the graph's shared seek cursor.
 */
public final class GraphSearch {
    private GraphSearch() {
    }

    /**
     * The {@code beam} nearest nodes that {@code accept} admits (null: all) that the walk finds, in a
     * min-heap (the farthest on top); empty for an empty graph.
     */
    public static NeighborQueue search(OnHeapHnswGraph graph, RandomVectorScorer scorer, int beam, Bits accept)
            throws IOException {
        int entry = graph.entryNode();
        if (entry == -1) {
            return new NeighborQueue(1, false);
        }
        int[] eps = {entry};
        for (int level = graph.numLevels() - 1; level >= 1; level--) {
            int width = level == 1 ? beam : 1;
            eps = nodes(searchLevel(graph, scorer, level, eps, width, null));
        }
        return searchLevel(graph, scorer, 0, eps, beam, accept);
    }

    /**
     * Best-first search of one level from {@code eps}, keeping the {@code topK} best admitted nodes:
     * it stops when the best unexpanded candidate is worse than the worst of a full result list.
     * Rejected nodes are still expanded (they route, as deleted ones do in hnswlib).
     */
    static NeighborQueue searchLevel(OnHeapHnswGraph graph, RandomVectorScorer scorer, int level, int[] eps,
                                     int topK, Bits accept) throws IOException {
        NeighborQueue candidates = new NeighborQueue(topK, true);
        NeighborQueue results = new NeighborQueue(topK, false);
        SparseFixedBitSet visited = new SparseFixedBitSet(Math.max(1, graph.maxNodeId() + 1));
        for (int ep : eps) {
            if (!visited.getAndSet(ep)) {
                float score = scorer.score(ep);
                candidates.add(ep, score);
                if (accept == null || accept.get(ep)) {
                    results.insertWithOverflow(ep, score);
                }
            }
        }
        float min = results.size() >= topK ? results.topScore() : Float.NEGATIVE_INFINITY;
        while (candidates.size() > 0 && candidates.topScore() >= min) {
            NeighborArray friends = graph.getNeighbors(level, candidates.pop());
            int[] ids = friends.nodes();
            int n = friends.size();
            for (int i = 0; i < n; i++) {
                int f = ids[i];
                if (visited.getAndSet(f)) {
                    continue;
                }
                float score = scorer.score(f);
                if (score > min) {
                    candidates.add(f, score);
                    if (accept == null || accept.get(f)) {
                        results.insertWithOverflow(f, score);
                        if (results.size() >= topK) {
                            min = results.topScore();
                        }
                    }
                }
            }
        }
        return results;
    }

    /** The nodes of a min-heap such as {@link #search} returns, best first, emptying it. */
    public static int[] nodes(NeighborQueue q) {
        int[] out = new int[q.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = q.pop();
        }
        return out;
    }
}
