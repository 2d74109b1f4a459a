package io.godwit.store.vector;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Lucene's graph builder, also over a graph that already holds nodes (a copy, or a graph read back
 * from an index file): Lucene opens that constructor to subclasses only. Not thread-safe: {@link
 * HnswIndex} calls it from one thread at a time, on the live graph under its write lock or on a
 * copy nothing else reads.
 *
 * <p>{@link #addAll} is the other way in, for a bulk: Lucene's concurrent builder on every core.
 * It was set aside once over one graph's recall (0.9715 against 0.9920, 100,000 vectors in bulks
 * of 10,000); over three seeds its graphs recalled within the spread of one-at-a-time graphs of the
 * same data, at 1.4-1.8x the build rate on two cores (README, "How the graph is built").
 */
final class GraphBuilder extends HnswGraphBuilder {
    /** Fixed, so that the same records in the same order give the same graph. */
    static final long SEED = 42;
    /**
     * Threads of a bulk, the calling thread one of them: one more than the processors. Under a query
     * load the builder's threads share the cores with the searches and the writers, and with one per
     * processor it moved fewer records into the graph than the writers sent: `InProcessLoad` (8
     * writers, 8 readers, 30 s, 2 cores) added 547 records/s with 2 threads, 787 with 3 (queries 232
     * and 240 /s) and 770 with 4 (queries down to 204 /s). On a quiet machine the extra thread costs
     * nothing measurable.
     */
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors()) + 1;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), r -> {
        Thread t = new Thread(r, "godwit-graph-bulk");
        t.setDaemon(true);
        return t;
    });
    private static final TaskExecutor EXECUTOR = new TaskExecutor(POOL);

    private GraphBuilder(RandomVectorScorerSupplier vectors, IndexParams p, OnHeapHnswGraph graph, long seed)
            throws IOException {
        super(vectors, p.maxNeighbors(), p.efConstruction(), seed, graph);
    }

    /**
     * A builder adding to {@code graph}, which holds nodes {@code 0..size-1}: the random node levels
     * are seeded by {@code size}, so that each builder over a growing graph draws new levels (the
     * same seed every time would repeat the same levels for every batch).
     */
    static GraphBuilder over(RandomVectorScorerSupplier vectors, IndexParams p, OnHeapHnswGraph graph, int size) {
        try {
            return new GraphBuilder(vectors, p, graph, SEED + size);
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
     * Links nodes {@code from..to-1} (their vectors already in the supplier) into {@code graph}, of
     * fixed size {@code to}, which holds nodes {@code 0..from-1}, on {@link #THREADS} threads, counting
     * in {@code started} each node whose linking has begun ({@link BulkProgress}). Nothing else may
     * read or change {@code graph} meanwhile.
     */
    static void addAll(RandomVectorScorerSupplier vectors, IndexParams p, OnHeapHnswGraph graph, int from, int to,
                       AtomicInteger started) {
        try {
            HnswConcurrentMergeBuilder b;
            synchronized (GraphBuilder.class) {
                // Lucene seeds its workers from this static: per bulk, so that bulks draw new levels.
                HnswGraphBuilder.randSeed = SEED + from;
                b = new HnswConcurrentMergeBuilder(EXECUTOR, THREADS, vectors, p.maxNeighbors(), p.efConstruction(),
                        graph, new BulkProgress(from, to, started));
            }
            WorkShares.split(b, to - from, THREADS);
            b.build(to);
        } catch (IOException e) {
            throw new IllegalStateException("vector index: adding nodes " + from + " to " + to, e);
        }
    }

    OnHeapHnswGraph graph() {
        return hnsw;
    }
}
