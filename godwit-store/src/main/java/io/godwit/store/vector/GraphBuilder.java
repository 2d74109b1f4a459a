package io.godwit.store.vector;

import java.io.IOException;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Lucene's graph builder, also over a graph that already holds nodes (a copy, or a graph read back
 * from an index file): Lucene opens that constructor to subclasses only. Not thread-safe: {@link
 * HnswIndex} calls it from one thread at a time, on the live graph under its write lock or on a
 * copy nothing else reads.
 *
 * <p>Lucene's concurrent builder ({@code HnswConcurrentMergeBuilder}) is not used: on 100,000 vectors
 * in bulks of 10,000 (BuildRate, README "Vector index") its graph answered with recall@10 0.971 at
 * Chroma's defaults, with one thread as with two, where the same bulks inserted one at a time into
 * the same copies gave 0.992; other seeds and sizes since put the two closer (the README has the
 * figures), so whether its graph is worse is not settled. It built twice as fast on two cores.
 */
final class GraphBuilder extends HnswGraphBuilder {
    /** Fixed, so that the same records in the same order give the same graph. */
    static final long SEED = 42;

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

    OnHeapHnswGraph graph() {
        return hnsw;
    }
}
