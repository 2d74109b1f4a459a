package io.godwit.store.vector;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Lucene's graph builder, also over a graph read back from an index file: Lucene opens that
 * constructor to subclasses only. Not thread-safe: {@link HnswIndex} calls it under its write lock.
 * {@link #addAll} is the other way in: many nodes at once, on several threads.
 */
final class GraphBuilder extends HnswGraphBuilder {
    /** Fixed, so that the same records in the same order give the same graph (on one thread). */
    static final long SEED = 42;
    /** Threads of a bulk insertion: one per processor (the calling thread is one of them). */
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), r -> {
        Thread t = new Thread(r, "godwit-graph-build");
        t.setDaemon(true);
        return t;
    });
    private static final TaskExecutor EXECUTOR = new TaskExecutor(POOL);

    private GraphBuilder(RandomVectorScorerSupplier vectors, IndexParams p, OnHeapHnswGraph graph) throws IOException {
        super(vectors, p.maxNeighbors(), p.efConstruction(), SEED, graph);
    }

    static GraphBuilder over(RandomVectorScorerSupplier vectors, IndexParams p, OnHeapHnswGraph graph) {
        try {
            return new GraphBuilder(vectors, p, graph);
        } catch (IOException e) {
            throw new IllegalStateException("vector index: cannot start the graph builder", e);
        }
    }

    /** Adds one node whose vector is already in the supplier at that ordinal. */
    void add(int ord) {
        try {
            addGraphNode(ord);
        } catch (IOException e) {
            // Our scorers never do I/O: this would be a programming error.
            throw new IllegalStateException("vector index: adding node " + ord, e);
        }
    }

    /**
     * Links nodes {@code from..to-1} (their vectors already in the supplier) into {@code graph}, a
     * fixed-size graph of {@code to} nodes holding nodes {@code 0..from-1}, with Lucene's concurrent
     * builder on {@link #THREADS} threads (it hands out the nodes in chunks of 2,048). Nothing else
     * may read or change {@code graph} meanwhile.
     */
    static void addAll(RandomVectorScorerSupplier vectors, IndexParams p, OnHeapHnswGraph graph, int from, int to) {
        FixedBitSet present = new FixedBitSet(to);
        present.set(0, from);
        try {
            HnswConcurrentMergeBuilder b;
            synchronized (GraphBuilder.class) {
                // Lucene seeds every worker from this static: vary it per bulk, or each bulk would
                // repeat the same node levels (and the upper levels would thin out).
                HnswGraphBuilder.randSeed = SEED + from;
                b = new HnswConcurrentMergeBuilder(EXECUTOR, THREADS, vectors, p.maxNeighbors(), p.efConstruction(),
                        graph, present);
            }
            b.build(to);
        } catch (IOException e) {
            throw new IllegalStateException("vector index: adding nodes " + from + " to " + to, e);
        }
    }

    OnHeapHnswGraph graph() {
        return hnsw;
    }
}
